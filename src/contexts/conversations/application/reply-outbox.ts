import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { RUN_SUBSCRIPTIONS } from '../../../shared/projections/subscriptions.service';
import { conversationStream } from '../domain/conversation.decider';
import type { ReplyQueued } from '../domain/outgoing-reply';
import { replyDeliveryDecider, replyDeliveryStream, type ReplyDeliveryStarted } from '../domain/reply-delivery.decider';
import { describeSendFailure, OUTBOUND_MAILER, type OutboundMailer } from '../outbound/outbound-mailer';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { messageOf } from '../../../shared/error-message';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import type { ReplyParts } from '../outbound/reply-mail';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { userMailStream, type UserMailQueued } from '../domain/user-mail';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { unsealMailBody } from './user-mail-seal';
import type { OutboundNotice } from '../outbound/outbound-mailer';

/** Longer than any SMTP timeout of the mailer: a claim outlives an attempt unless its worker died. */
const CLAIM_MS = 3 * 60_000;
const POLL_MS = 1_000;
const BATCH = 16;

/**
 * Delivers queued replies. The schedule survives restarts because it is a read model of the
 * delivery events; each attempt is claimed in the reply's delivery stream before the mail goes
 * out, so one attempt is sent by one worker only, and a delivered reply is never sent again.
 * A reply with an undo window is not in the schedule before its `sendsAt`, and the claim checks
 * the window again on the stream, where an undo would have been recorded: an undone reply is never
 * sent. Besides the poll, a timer wakes the outbox when the next reply falls due; it is set from the
 * schedule at start and after every pass, so a restart keeps it.
 */
@Injectable()
export class ReplyOutbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReplyOutbox');
  private timer: NodeJS.Timeout | null = null;
  private nextDue: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly inFlight = new Set<string>();
  /** The sender of mail to our own people (SYSTEM_MAIL_FROM). */
  private readonly from: { name: string; address: string };

  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly queries: ConversationsQueries,
    @Inject(OUTBOUND_MAILER) private readonly mailer: OutboundMailer,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(RUN_SUBSCRIPTIONS) private readonly runs: boolean,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {
    this.from = config.systemMailFrom;
  }

  onApplicationBootstrap(): void {
    // One-off commands (a rebuild, an audit) never send mail.
    if (!this.runs) return;
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.nextDue) clearTimeout(this.nextDue);
    // An attempt under way finishes and records its outcome, so it is not sent again after a restart.
    await this.draining;
    this.mailer.close();
  }

  /** Look for due replies now (a reply was queued or retried in this process). */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.wakeWhenDue();
      }
    });
  }

  /** The next reply due (an undo window ending, a retry) wakes the outbox on time rather than at the next poll. */
  private wakeWhenDue(): void {
    if (this.stopped) return;
    if (this.nextDue) clearTimeout(this.nextDue);
    this.nextDue = null;
    const at = this.queries.nextReplyDueAt(new Date());
    if (at === null) return;
    const wait = new Date(at).getTime() - Date.now();
    // Only what falls due before the next poll; a reply already due and still listed (one whose
    // claim another worker holds, or that cannot be read) is left to the poll, never a busy loop.
    if (wait <= 0 || wait > POLL_MS) return;
    this.nextDue = setTimeout(() => this.wake(), wait);
    this.nextDue.unref();
  }

  private async drain(): Promise<void> {
    const now = new Date();
    const replies = this.queries.dueReplies(now, BATCH);
    const userMail = this.queries.dueUserMail(now, BATCH);
    const due = [...replies, ...userMail].filter((mail) => !this.inFlight.has(mail.messageId));
    await Promise.all(due.map((mail) => this.deliver(mail)));
    if (replies.length === BATCH || userMail.length === BATCH) this.again = true;
  }

  /** One attempt at a reply (with its conversation) or a mail to one of our people (without one). */
  private async deliver(reply: { messageId: string; conversationId?: string; accountId: string }): Promise<void> {
    const { messageId, conversationId, accountId } = reply;
    this.inFlight.add(messageId);
    try {
      const context: CommandContext = { actor: { system: 'reply-outbox' }, accountId, correlationId: messageId, causationId: null };
      const stream = replyDeliveryStream(messageId);
      const mail = conversationId ? await this.queuedReply(conversationId, messageId) : await this.queuedUserMail(messageId);
      const claim = await this.eventSourcing.decide(
        stream,
        replyDeliveryDecider,
        { type: 'StartAttempt', ...reply, now: new Date(), leaseMs: CLAIM_MS, sendsAt: 'sendsAt' in mail ? mail.sendsAt : undefined },
        context,
      );
      const started = claim.events[0] as ReplyDeliveryStarted | undefined;
      // Not due by the stream (the read model lags, another worker holds it, or its author undid it): nothing to send.
      if (!started) return;
      let outcome: { delivered: true; response: string } | { delivered: false; error: string; permanent: boolean };
      try {
        const sent = 'mailId' in mail ? this.mailer.sendNotice(noticeOf(mail, this.from, this.secret)) : this.mailer.send(mail, await this.partsOf(mail));
        outcome = { delivered: true, ...(await sent) };
      } catch (error) {
        outcome = { delivered: false, ...describeSendFailure(error) };
        this.logger.warn(`reply ${messageId} attempt ${started.data.attempt} failed: ${outcome.error}`);
      }
      const recorded = await this.eventSourcing.decide(
        stream,
        replyDeliveryDecider,
        { type: 'RecordOutcome', ...reply, attempt: started.data.attempt, outcome, now: new Date() },
        context,
      );
      // The schedule must show the outcome before this reply is looked at again.
      await this.eventSourcing.waitForReadModels(recorded.position ?? claim.position);
    } catch (error) {
      this.logger.error(`reply ${messageId}: ${messageOf(error)}`);
    } finally {
      this.inFlight.delete(messageId);
    }
  }

  /** The attachments' bytes, read for this attempt only. */
  private async partsOf(reply: ReplyQueued['data']): Promise<ReplyParts> {
    const parts = new Map<string, Buffer>();
    for (const { hash } of reply.attachments ?? []) if (!parts.has(hash)) parts.set(hash, await this.blobs.get(hash));
    return parts;
  }

  private async queuedUserMail(mailId: string): Promise<UserMailQueued['data']> {
    const events = await this.eventSourcing.store.readStream(userMailStream(mailId));
    const queued = events.find((event) => event.type === 'UserMailQueued');
    if (!queued) throw new Error(`no UserMailQueued in ${userMailStream(mailId)}`);
    return queued.data as UserMailQueued['data'];
  }

  private async queuedReply(conversationId: string, messageId: string): Promise<ReplyQueued['data']> {
    const events = await this.eventSourcing.store.readStream(conversationStream(conversationId));
    const queued = events.find((event) => event.type === 'ReplyQueued' && (event.data as ReplyQueued['data']).messageId === messageId);
    if (!queued) throw new Error(`no ReplyQueued for ${messageId} in conversation ${conversationId}`);
    return queued.data as ReplyQueued['data'];
  }
}

/** A mail to one of our people as the mailer sends notices (unsealed now if sealed): its id names the .eml in the file outbox. */
function noticeOf(mail: UserMailQueued['data'], from: { name: string; address: string }, secret: string): OutboundNotice {
  const body = mail.sealed ? unsealMailBody(secret, mail.sealed) : { text: mail.text ?? '', html: mail.html };
  return { id: `usermail-${mail.mailId}`, from, to: mail.to, subject: mail.subject, text: body.text, ...(body.html ? { html: body.html } : {}) };
}
