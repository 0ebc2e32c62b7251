import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { MailIntake } from '../application/mail-intake';
import { RegisterHealthIndicator, type ComponentHealth, type HealthIndicator } from '../../../shared/http/health-indicator';

const MAX_CONNECTIONS_PER_IP = 20;

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The inbound MX. Recipients are checked at RCPT TO (550 for addresses nobody claimed), the size
 * at MAIL FROM and while reading DATA (552), and 250 goes out only after MailIntake has made the
 * mail durable; any failure before that is a 451, so the sender keeps it and retries.
 */
@Injectable()
@RegisterHealthIndicator()
export class InboundSmtpServer implements OnApplicationBootstrap, OnApplicationShutdown, HealthIndicator {
  readonly healthName = 'smtp';
  private readonly logger = new Logger('SMTP');
  private server: SMTPServer | null = null;
  private readonly connectionsPerIp = new Map<string, number>();
  private readonly recipientsBySession = new Map<string, Map<string, string[]>>();
  private listeningPort: number | null = null;

  constructor(
    private readonly intake: MailIntake,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The port it listens on (differs from SMTP_PORT when that is 0), or null before it listens. */
  get port(): number | null {
    return this.listeningPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    const tls = this.tlsOptions();
    this.server = new SMTPServer({
      name: this.config.inboxDomain,
      banner: 'Inbox ESMTP',
      size: this.config.maxMessageBytes,
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(tls ?? {}),
      maxClients: 500,
      socketTimeout: 60_000,
      closeTimeout: 30_000,
      logger: false,
      onConnect: (session, callback) => this.onConnect(session, callback),
      onClose: (session) => this.onClose(session),
      onRcptTo: (address, session, callback) => this.onRcptTo(address.address, session, callback),
      onData: (stream, session, callback) => void this.onData(stream, session, callback),
    });
    this.server.on('error', (error) => this.logger.error(`SMTP server error: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      const server = this.server as SMTPServer;
      server.once('error', reject);
      server.listen(this.config.smtpPort, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.listeningPort = (this.server.server.address() as AddressInfo).port;
    this.logger.log(`SMTP on port ${this.listeningPort}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    // Stops accepting; sessions in DATA finish (closeTimeout) before the store closes.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.listeningPort = null;
  }

  health(): ComponentHealth {
    return this.listeningPort !== null ? { up: true, port: this.listeningPort } : { up: false, error: 'not listening' };
  }

  private onConnect(session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    const ip = session.remoteAddress;
    const open = (this.connectionsPerIp.get(ip) ?? 0) + 1;
    if (open > MAX_CONNECTIONS_PER_IP) return callback(smtpError(421, 'Too many connections from your address, try again later'));
    this.connectionsPerIp.set(ip, open);
    callback();
  }

  private onClose(session: SMTPServerSession): void {
    const ip = session.remoteAddress;
    const open = (this.connectionsPerIp.get(ip) ?? 1) - 1;
    if (open <= 0) this.connectionsPerIp.delete(ip);
    else this.connectionsPerIp.set(ip, open);
    this.recipientsBySession.delete(session.id);
  }

  private onRcptTo(recipient: string, session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    let accountId: string | null;
    try {
      accountId = this.intake.accountOf(recipient);
    } catch (error) {
      return callback(smtpError(451, `Temporary failure looking up the recipient: ${(error as Error).message}`));
    }
    if (!accountId) return callback(smtpError(550, `No mailbox here by the name ${recipient}`));
    const byAccount = this.recipientsBySession.get(session.id) ?? new Map<string, string[]>();
    byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), recipient.toLowerCase()]);
    this.recipientsBySession.set(session.id, byAccount);
    callback();
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void) {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the bytes are only counted, not kept: the answer will be 552 anyway.
      if (size <= this.config.maxMessageBytes) chunks.push(chunk);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        stream.once('end', resolve);
        stream.once('error', reject);
      });
    } catch (error) {
      return callback(smtpError(451, `Could not read the message: ${(error as Error).message}`));
    }
    const byAccount = this.recipientsBySession.get(session.id) ?? new Map<string, string[]>();
    this.recipientsBySession.delete(session.id);
    if (stream.sizeExceeded || size > this.config.maxMessageBytes) {
      return callback(smtpError(552, `Message is larger than the ${this.config.maxMessageBytes} bytes this server accepts`));
    }
    const raw = Buffer.concat(chunks);
    try {
      const ids: string[] = [];
      for (const [accountId, recipients] of byAccount) ids.push((await this.intake.accept(raw, accountId, recipients, 'smtp')).inboundId);
      callback(null, `Message stored as ${ids.join(', ')}`);
    } catch (error) {
      this.logger.error(`could not store a message: ${(error as Error).message}`);
      callback(smtpError(451, 'Temporary failure storing the message, try again later'));
    }
  }

  private tlsOptions(): { key: Buffer; cert: Buffer } | null {
    const files = this.config.smtpTls;
    return files ? { key: readFileSync(files.keyFile), cert: readFileSync(files.certFile) } : null;
  }
}
