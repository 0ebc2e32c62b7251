import { connect, type Socket } from 'node:net';

/**
 * One SMTP session spoken line by line over node:net, for tests of the protocol itself: each
 * reply (multi-line ones whole) is read in order, and the session knows when the server hung up.
 */
export class SmtpSession {
  private buffer = '';
  private lines: string[] = [];
  private readonly replies: string[] = [];
  private readonly waiting: Array<(reply: string | null) => void> = [];
  private ended = false;
  /** Resolves when the server has closed the connection. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => this.received(data));
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    void this.closed.then(() => {
      this.ended = true;
      for (const wake of this.waiting.splice(0)) wake(null);
    });
    socket.on('error', () => undefined);
  }

  /** Connects and waits for the server's first reply (220, or a 421 refusal). */
  static async open(port: number): Promise<{ session: SmtpSession; greeting: string }> {
    const socket = connect(port, '127.0.0.1');
    const session = new SmtpSession(socket);
    const greeting = await session.reply();
    return { session, greeting: greeting ?? '' };
  }

  /** Sends a command line and resolves with its reply, or null when the server hung up instead. */
  async command(line: string): Promise<string | null> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** Writes raw bytes (a message body) without waiting for anything. */
  write(bytes: string | Buffer): void {
    this.socket.write(bytes);
  }

  /** The next reply, or null once the connection is closed with none pending. */
  reply(): Promise<string | null> {
    const ready = this.replies.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  get isClosed(): boolean {
    return this.ended;
  }

  end(): void {
    this.socket.destroy();
  }

  private received(data: string): void {
    this.buffer += data;
    let newline = this.buffer.indexOf('\r\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 2);
      this.lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = this.lines.join('\r\n');
        this.lines = [];
        const wake = this.waiting.shift();
        if (wake) wake(reply);
        else this.replies.push(reply);
      }
      newline = this.buffer.indexOf('\r\n');
    }
  }
}
