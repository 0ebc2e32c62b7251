import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { MailIntake } from '../application/mail-intake';
import type { SmtpClient } from '../application/sender-verifier';
import { RegisterHealthIndicator, type ComponentHealth, type HealthIndicator } from '../../../shared/http/health-indicator';
import { messageOf } from '../../../shared/error-message';
import { isOutOfSpace, StorageFull } from '../../../shared/storage/storage-full';
import { StorageStatus } from '../../../shared/storage/storage-status';
import { ByteBudget } from './byte-budget';
import { clientNetwork } from './client-network';
import { ConnectionGate } from './connection-gate';
import { MessageSpool, type SpooledMessage } from './message-spool';
import { RecipientThrottle } from './recipient-throttle';
import { connectionOf, enforceBudget, SessionBudget } from './session-budget';
import { SMTP_LIMITS } from './smtp-limits';

type Callback = (error?: Error | null) => void;

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

const INSUFFICIENT_STORAGE = '4.3.1 Insufficient system storage, try again later';
const SPOOL = 'SMTP spool';

/**
 * The inbound MX. Recipients are checked at RCPT TO (550 for addresses nobody claimed), the size
 * at MAIL FROM and while reading DATA (552), and 250 goes out only after MailIntake has made the
 * mail durable; any failure before that is a 4xx, so the sender keeps it and retries.
 *
 * What a client may hold is bounded: sessions per address and in all, idle commands and age per
 * session (SessionBudget), recipients per message, unknown recipients (RecipientThrottle), and the
 * memory of messages in flight: DATA goes to a spool file, and into parsing under a byte budget.
 */
@Injectable()
@RegisterHealthIndicator()
export class InboundSmtpServer implements OnApplicationBootstrap, OnApplicationShutdown, HealthIndicator {
  readonly healthName = 'smtp';
  private readonly logger = new Logger('SMTP');
  private server: SMTPServer | null = null;
  private readonly gate: ConnectionGate;
  private readonly budgets = new Map<string, SessionBudget>();
  private readonly throttle = new RecipientThrottle();
  private readonly bytesInFlight: ByteBudget;
  private readonly spool: MessageSpool;
  private listeningPort: number | null = null;

  constructor(
    private readonly intake: MailIntake,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly space: StorageStatus,
  ) {
    this.gate = new ConnectionGate(config.smtpLimits.connectionsPerIp);
    this.bytesInFlight = new ByteBudget(config.smtpLimits.bytesInFlight);
    this.spool = new MessageSpool(join(config.dataDir, 'spool'));
  }

  /** The port it listens on (differs from SMTP_PORT when that is 0), or null before it listens. */
  get port(): number | null {
    return this.listeningPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.spool.open();
    const tls = this.tlsOptions();
    this.server = new SMTPServer({
      name: this.config.inboxDomain,
      banner: 'Inbox ESMTP',
      size: this.config.maxMessageBytes,
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(tls ?? {}),
      maxClients: this.config.smtpLimits.clients,
      // Nothing reads the client's PTR name, and a DNS query for every connection is work a flood
      // of connections could make us do for free.
      disableReverseLookup: true,
      socketTimeout: SMTP_LIMITS.idleMs,
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

  private onConnect(session: SMTPServerSession, callback: Callback): void {
    const connection = this.server && connectionOf(this.server, session.id);
    if (!connection || !this.gate.admit(session.id, clientNetwork(session.remoteAddress))) {
      return callback(smtpError(421, '4.7.0 Too many connections from your address, try again later'));
    }
    const budget = new SessionBudget(Date.now());
    this.budgets.set(session.id, budget);
    enforceBudget(connection, budget);
    callback();
  }

  private onClose(session: SMTPServerSession): void {
    this.gate.release(session.id);
    this.budgets.delete(session.id);
    this.throttle.forget(session.id);
  }

  private onRcptTo(recipient: string, session: SMTPServerSession, callback: Callback): void {
    const { rcptTo } = session.envelope;
    const known = rcptTo.some((accepted) => accepted.address.toLowerCase() === recipient.toLowerCase());
    if (!known && rcptTo.length >= SMTP_LIMITS.recipientsPerMessage) return callback(smtpError(452, '4.5.3 Too many recipients'));
    let accountId: string | null;
    try {
      accountId = this.intake.accountOf(recipient);
    } catch (error) {
      return callback(smtpError(451, `4.3.0 Temporary failure looking up the recipient: ${messageOf(error)}`));
    }
    if (accountId) return callback();
    const { delayMs, close } = this.throttle.unknown(session.id, clientNetwork(session.remoteAddress));
    const answer = close
      ? smtpError(421, '4.7.1 Too many unknown recipients, closing; try again later')
      : smtpError(550, `5.1.1 No mailbox here by the name ${recipient}`);
    if (delayMs === 0) return callback(answer);
    setTimeout(() => callback(answer), delayMs).unref();
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void) {
    // Read once here: smtp-server starts the next transaction's envelope as soon as it answers.
    const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
    const client: SmtpClient = {
      ip: session.remoteAddress,
      helo: session.hostNameAppearsAs || null,
      mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
    };
    const deadline = setTimeout(() => stream.destroy(new Error('the message did not arrive in time')), SMTP_LIMITS.dataMs).unref();
    let message: SpooledMessage;
    try {
      message = await this.spool.receive(stream, this.config.maxMessageBytes);
      this.space.wrote(SPOOL);
    } catch (error) {
      if (isOutOfSpace(error)) {
        this.space.refused(new StorageFull(SPOOL, messageOf(error)));
        return callback(smtpError(452, INSUFFICIENT_STORAGE));
      }
      // The client is gone or too slow: nobody hears this answer, the connection closes.
      const connection = stream.destroyed && this.server ? connectionOf(this.server, session.id) : undefined;
      connection?.send(421, '4.4.2 Message not received in time, closing');
      return callback(smtpError(451, `4.3.0 Could not read the message: ${messageOf(error)}`));
    } finally {
      clearTimeout(deadline);
    }
    try {
      if (stream.sizeExceeded || !message.complete) {
        return callback(smtpError(552, `5.3.4 Message is larger than the ${this.config.maxMessageBytes} bytes this server accepts`));
      }
      const ids = await this.store(message, recipients, client);
      this.budgets.get(session.id)?.delivered();
      callback(null, `Message stored as ${ids.join(', ')}`);
    } catch (error) {
      if (isOutOfSpace(error)) {
        this.logger.warn(`refused a message for lack of space: ${messageOf(error)}`);
        return callback(smtpError(452, INSUFFICIENT_STORAGE));
      }
      this.logger.error(`could not store a message: ${messageOf(error)}`);
      callback(smtpError(451, '4.3.0 Temporary failure storing the message, try again later'));
    } finally {
      await message.remove();
    }
  }

  /** Into parsing once the bytes in flight leave room for it (until then it waits on disk). */
  private async store(message: SpooledMessage, recipients: string[], client: SmtpClient): Promise<string[]> {
    const release = await this.bytesInFlight.acquire(message.size);
    try {
      const byAccount = new Map<string, string[]>();
      for (const recipient of recipients) {
        // Claims are never released, so the account found at RCPT TO is the one found now.
        const accountId = this.intake.accountOf(recipient);
        if (accountId) byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), recipient]);
      }
      const raw = await message.read();
      const ids: string[] = [];
      for (const [accountId, addresses] of byAccount) ids.push((await this.intake.accept(raw, accountId, addresses, 'smtp', client)).inboundId);
      return ids;
    } finally {
      release();
    }
  }

  private tlsOptions(): { key: Buffer; cert: Buffer } | null {
    const files = this.config.smtpTls;
    return files ? { key: readFileSync(files.keyFile), cert: readFileSync(files.certFile) } : null;
  }
}
