import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually';

export interface CapturedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP relay on loopback that keeps what it is given. `refuse` makes it answer RCPT TO for an
 * address with a permanent 550, as a relay does for a mailbox that does not exist.
 */
export class CaptureRelay {
  readonly received: CapturedMail[] = [];
  readonly refused = new Set<string>();
  private server: SMTPServer | null = null;

  constructor(readonly port: number) {}

  /** A port nothing listens on yet, so a relay can be "down" and come back on it. */
  static async freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }

  /** The chat code the app mailed to `email` (the newest, once `count` have come), as its owner reads it. */
  async codeMailedTo(email: string, count = 1): Promise<string> {
    const mails = await eventually(
      async () => this.received.filter((mail) => mail.envelope.to.includes(email) && /chat code/.test(mail.parsed.subject ?? '')),
      (found) => found.length >= count,
      `the code mailed to ${email}`,
    );
    return /\b(\d{6})\b/.exec(mails[mails.length - 1].parsed.text ?? '')?.[1] as string;
  }

  static async start(port = 0): Promise<CaptureRelay> {
    const relay = new CaptureRelay(port);
    await relay.listen();
    return relay;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refused.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then(
            (parsed) => {
              this.received.push({
                envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
                raw,
                parsed,
              });
              callback(null, 'Queued as captured');
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    (this as { port: number }).port = (server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` mails have arrived. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<CapturedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`the relay got ${this.received.length} of ${count} mails`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.received;
  }
}
