import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, BlobStore } from '../../../shared/blobs/blob-store';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { ChannelsQueries } from '../../channel-configuration/contract';
import { inboundIdFor } from '../domain/inbound-id';
import { inboundMailDecider } from '../domain/inbound-mail.decider';
import { inboundMailStream, type InboundMailAccepted, type StoredPart } from '../domain/inbound-mail.events';
import { MailParserPool } from './mail-parser.pool';
import { SenderVerifier, type SmtpClient } from './sender-verifier';
import { messageOf } from '../../../shared/error-message';
import { EventContractViolation } from '../../../shared/event-store/event-contracts';
import { ThreadPoolClosed } from '../../../shared/threads/thread-pool';

export interface IntakeResult {
  inboundId: string;
  status: 'accepted' | 'duplicate' | 'failed';
}

const LIMITS = { maxAttachments: 100, maxAttachmentBytes: 25 * 1024 * 1024 };

/**
 * The one path every inbound mail takes, from SMTP or HTTP: raw bytes durable first, then parsed,
 * then recorded. It resolves only when the mail can no longer be lost; only then may SMTP say 250.
 * A mail that cannot be parsed is still recorded (failed-mail queue), never dropped; so is one
 * whose parse outlives MAIL_PARSE_TIMEOUT_MS or kills its thread (parsing runs on MailParserPool's
 * threads).
 */
@Injectable()
export class MailIntake {
  private readonly logger = new Logger('MailIntake');

  constructor(
    private readonly eventSourcing: EventSourcing,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly channels: ChannelsQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly parser: MailParserPool,
    private readonly verifier: SenderVerifier,
  ) {}

  /** The account a recipient address belongs to (plus-addresses route like the bare address). */
  accountOf(recipient: string): string | null {
    return this.channels.accountOfAddress(recipient);
  }

  /**
   * The raw bytes and the parts cut from them are written together (one commit), and the event only
   * after them: whoever reads the event finds every byte it names. A duplicate delivery stores the
   * bytes again (a no-op when they are there).
   */
  async accept(raw: Buffer, accountId: string, recipients: string[], via: 'smtp' | 'http', client: SmtpClient | null = null): Promise<IntakeResult> {
    const stored = BlobStore.nameOf(raw);
    const receivedAt = new Date().toISOString();
    const context: CommandContext = { actor: { system: `inbound-${via}` }, accountId, correlationId: randomUUID(), causationId: null };
    // Verification waits on DNS, parsing on a thread: side by side, bounded each (it never throws).
    const verifying = this.verifier.verify(raw, client);
    let parsed: Awaited<ReturnType<MailParserPool['parse']>>;
    try {
      parsed = await this.parser.parse(raw, this.config.inboxDomain, LIMITS);
    } catch (error) {
      // Shutting down: nothing is recorded, and SMTP answers 451 so the sender tries again.
      if (error instanceof ThreadPoolClosed) throw error;
      await this.blobs.put(raw);
      return this.recordFailure(raw, stored, accountId, recipients, via, receivedAt, context, `could not be parsed: ${messageOf(error)}`);
    }
    // Handed over in the same tick as the parts, so all share one commit (one fsync on the way to the 250).
    await Promise.all([this.blobs.put(raw), ...parsed.parts.map((part) => this.blobs.put(part))]);
    const { mail } = parsed;
    const inboundId = inboundIdFor(accountId, mail.messageId, raw);
    const authentication = await verifying;
    try {
      const outcome = await this.recordAccepted({ inboundId, accountId, recipients, via, raw: stored, receivedAt, mail, authentication }, false, context);
      return { inboundId, status: outcome.events.length > 0 ? 'accepted' : 'duplicate' };
    } catch (error) {
      // Normalisation let something through that the schema refuses: the mail is kept and waits as a
      // failed mail, rather than entering the log half valid.
      if (!(error instanceof EventContractViolation)) throw error;
      return this.recordFailure(raw, stored, accountId, recipients, via, receivedAt, context, `could not be recorded: ${error.message}`);
    }
  }

  /** Parses a failed mail again; on success it is accepted on its original stream. */
  async reprocess(inboundId: string, accountId: string, raw: StoredPart, recipients: string[], via: 'smtp' | 'http', context: CommandContext) {
    const bytes = await this.blobs.get(raw.hash);
    const { mail, parts } = await this.parser.parse(bytes, this.config.inboxDomain, LIMITS);
    await Promise.all(parts.map((part) => this.blobs.put(part)));
    return this.recordAccepted({ inboundId, accountId, recipients, via, raw, receivedAt: new Date().toISOString(), mail }, true, context);
  }

  private recordAccepted(accepted: Omit<InboundMailAccepted['data'], 'receivedWhileDisabled'>, reprocessing: boolean, context: CommandContext) {
    const receivedWhileDisabled = this.channels.emailEnabled(accepted.accountId) === false;
    return this.eventSourcing.decide(
      inboundMailStream(accepted.inboundId),
      inboundMailDecider,
      { type: 'Accept', reprocessing, accepted: { ...accepted, receivedWhileDisabled } },
      context,
    );
  }

  private async recordFailure(
    raw: Buffer,
    stored: StoredPart,
    accountId: string,
    recipients: string[],
    via: 'smtp' | 'http',
    receivedAt: string,
    context: CommandContext,
    reason: string,
  ): Promise<IntakeResult> {
    this.logger.warn(`mail for ${accountId} ${reason}`);
    const inboundId = inboundIdFor(accountId, null, raw);
    await this.eventSourcing.decide(
      inboundMailStream(inboundId),
      inboundMailDecider,
      { type: 'Fail', failed: { inboundId, accountId, recipients, via, raw: stored, receivedAt, reason } },
      context,
    );
    return { inboundId, status: 'failed' };
  }
}
