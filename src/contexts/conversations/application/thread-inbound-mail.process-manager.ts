import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import type { Position, RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager, ProcessManagerContext } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import type { SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { contactIdFor } from '../../contacts/contract';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { contactOfReplyToken } from '../../../shared/domain/reply-address';
import { failsEnforcedDmarc, MarkInboundMailUnrouted, senderOf, type InboundMailAccepted } from '../../inbound-mail/contract';
import { conversationDecider, conversationStream, type InboundMessage } from '../domain/conversation.decider';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { decideThread, type ThreadLookups } from '../domain/threading';
import { DIRECTORY_EVENT_TYPES, directoryEntriesOf, directoryEntriesOfDecision } from '../domain/thread-directory';
import { ThreadDirectory } from './thread-directory';

/** One decision's append, and the keys that order it after earlier decisions of its batch. */
interface Append {
  keys: string[];
  run: () => Promise<unknown>;
}

/**
 * Puts each accepted mail into its conversation (or starts one), by its own thread directory (see
 * ThreadDirectory), which it keeps from the conversation events and from its own decisions.
 *
 * Crash safety. Delivery is at least once, and the directory lives beside the checkpoint:
 * - A decision's entries are written, in one transaction with the checkpoint of the batches before,
 *   before its command is appended, so the next mail (of this batch, or of the next) sees them.
 * - A crash (or a failed batch) after those entries and before the append, or after the append and
 *   before the checkpoint, hands the batch over again. The runner first lets the directory forget
 *   what the events after the checkpoint wrote (forgetFrom), and in any case a lookup for the event
 *   at P only sees rows written before P, never its own or a later event's. So the event decides
 *   the same again, and its command, whose conversation id and event ids are deterministic, either
 *   appends what was missing or finds it already there.
 * - An event the runner parks has its entries forgotten in the transaction that parks it: nothing
 *   threads onto a conversation that was never started. A retry of it decides as of its place in
 *   the log. (Were its append to have taken effect after all, its conversation would be missing
 *   from the directory until that retry: the conversation events of our own decisions are not
 *   folded again live, see decidedHere.)
 * - The conversation events fold into the same entries (directoryEntriesOf) whether they come
 *   live or in a build from the log; the entries of a decision are those of the events it appends
 *   (directoryEntriesOfDecision), and writes are idempotent upserts, so a build gives the same
 *   directory. Within a batch, appends whose decisions share a directory key run in decision order,
 *   so the conversation that claimed a key first is also first in the log.
 */
@Injectable()
@RegisterProcessManager()
export class ThreadInboundMail implements ProcessManager {
  readonly name = 'thread-inbound-mail';
  readonly eventTypes = ['InboundMailAccepted', ...DIRECTORY_EVENT_TYPES];
  private readonly directory: ThreadDirectory;

  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly commands: CommandBus,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SERVER_SECRET) private readonly secret: string,
    @Inject(READ_MODEL_DB) db: SqliteDatabase,
  ) {
    this.directory = new ThreadDirectory(db);
  }

  forgetFrom(position: Position): void {
    this.directory.forgetFrom(position);
  }

  handle(event: RecordedEvent, context: ProcessManagerContext): Promise<void> {
    return this.handleBatch([event], context);
  }

  /**
   * Decisions are taken one mail after the other, in log order (a reply may follow its original in
   * the same batch); the appends then run side by side, one chain per conversation and key.
   */
  async handleBatch(events: RecordedEvent[], context: ProcessManagerContext): Promise<void> {
    // A database that has never had a directory beside this log (an upgrade, a restore) gets one first.
    if (!this.directory.isBuilt()) await this.directory.buildFrom(this.eventSourcing.store);
    const chains = new Map<string, Promise<unknown>>();
    try {
      for (const chunk of chunksOf(events.filter((event) => !this.decidedHere(event)))) {
        // Bodies are read first, so the chunk's lookups and writes are one transaction (one take of
        // the write lock the projections share), without holding it while the blob store answers.
        const bodies = await Promise.all(chunk.map((event) => this.bodyOf(event)));
        const appends = await context.saveWithCheckpoint(() =>
          chunk.flatMap((event, index) => {
            if (event.type !== 'InboundMailAccepted') {
              this.directory.record(directoryEntriesOf(event), event.position);
              return [];
            }
            const body = bodies[index];
            return body === null ? [] : [this.decide(event, event.data as InboundMailAccepted['data'], body)];
          }),
        );
        for (const append of appends) {
          const run = Promise.all(append.keys.map((key) => chains.get(key))).then(append.run);
          for (const key of append.keys) chains.set(key, run);
        }
      }
      await Promise.all(chains.values());
    } catch (error) {
      await Promise.allSettled(chains.values());
      throw error;
    }
  }

  /**
   * A conversation event this manager's own decision appended: the decision wrote its entries
   * already (the same ones or more, see directoryEntriesOfDecision), earlier in the log, and a
   * replay of the decision writes them again, so folding the event would change nothing.
   */
  private decidedHere(event: RecordedEvent): boolean {
    const { actor } = event.metadata;
    return event.type !== 'InboundMailAccepted' && 'system' in actor && actor.system === this.name;
  }

  /** The text body threading searches for our marker: '' without one, null for mail threading leaves alone. */
  private async bodyOf(event: RecordedEvent): Promise<string | null> {
    if (event.type !== 'InboundMailAccepted') return null;
    const { mail } = event.data as InboundMailAccepted['data'];
    if (mail.kind === 'loop' || mail.kind === 'provider-confirmation') return null;
    return mail.text ? (await this.blobs.get(mail.text.hash)).toString('utf8') : '';
  }

  /** Where the mail at `event` belongs, with its entries written; synchronous, inside the directory's transaction. */
  private decide(event: RecordedEvent, accepted: InboundMailAccepted['data'], bodyText: string): Append {
    const { accountId, mail } = accepted;
    const message = toMessage(accepted);
    const sender = senderOf(mail, this.config.inboxDomain);
    const before = event.position;
    const lookups: ThreadLookups = {
      byInternetMessageId: (id) => this.directory.byKey(accountId, 'message', id, before),
      byReplyToken: (token) => this.directory.byKey(accountId, 'token', token, before),
      byThreadIndexRoot: (root) => this.directory.byKey(accountId, 'thread-index', root, before),
      byContactToken: (token) => {
        // An unkeyed (old) or forged token names nobody: the mail threads as if sent to the bare address.
        const contact = contactOfReplyToken(this.secret, accountId, token);
        return contact ? this.directory.latestOfContact(accountId, contact, before) : null;
      },
    };
    const decision = decideThread(
      { ...message, bouncedMessageId: mail.bouncedMessageId },
      bodyText,
      accepted.recipients,
      sender?.address ?? null,
      lookups,
      failsEnforcedDmarc(accepted.authentication),
    );
    const context = contextCausedBy(event, this.name);

    if (decision.kind === 'unthreaded') {
      return {
        keys: [`unrouted:${accepted.inboundId}`],
        run: () => this.commands.execute(new MarkInboundMailUnrouted(accepted.inboundId, accountId, decision.reason, context)),
      };
    }
    const ownDomain = this.config.inboxDomain;
    const conversationId = decision.kind === 'join' ? decision.conversationId : deterministicId('conversation', accepted.inboundId);
    const command =
      decision.kind === 'start' && sender
        ? {
            type: 'StartConversation' as const,
            conversationId,
            accountId,
            contact: { id: contactIdFor(accountId, sender.address), email: sender.address, name: sender.name || sender.address },
            linkedTo: decision.linkedTo,
            ...(decision.linkReason ? { linkReason: decision.linkReason } : {}),
            message,
            ownDomain,
          }
        : { type: 'ReceiveMessage' as const, conversationId, accountId, message, ownDomain };
    const entries = directoryEntriesOfDecision(command);
    this.directory.record(entries, event.position);
    const keys = entries.flatMap((entry) => (entry.kind === 'key' ? [`${entry.accountId}\u0000${entry.keyKind}\u0000${entry.key}`] : []));
    return {
      keys: [conversationId, ...keys],
      run: () => this.eventSourcing.decide(conversationStream(conversationId), conversationDecider, command, context),
    };
  }
}

/** Up to this many mails' decisions share a transaction (and their text bodies sit in memory together). */
const MAILS_PER_TRANSACTION = 50;

/** The batch in log order, cut so that each part holds at most MAILS_PER_TRANSACTION inbound mails. */
function chunksOf(events: RecordedEvent[]): RecordedEvent[][] {
  const chunks: RecordedEvent[][] = [];
  let current: RecordedEvent[] = [];
  let mails = 0;
  for (const event of events) {
    if (event.type === 'InboundMailAccepted' && mails === MAILS_PER_TRANSACTION) {
      chunks.push(current);
      current = [];
      mails = 0;
    }
    current.push(event);
    if (event.type === 'InboundMailAccepted') mails += 1;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function toMessage(accepted: InboundMailAccepted['data']): InboundMessage {
  const { mail } = accepted;
  return {
    messageId: accepted.inboundId,
    internetMessageId: mail.messageId,
    // The whole chain, In-Reply-To last: threading tries the newest first.
    references: [...new Set([...mail.references, ...mail.inReplyTo])],
    threadIndex: mail.threadIndex,
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    sentAt: mail.sentAt,
    receivedAt: accepted.receivedAt,
    kind: mail.kind,
    text: mail.text,
    html: mail.html,
    replyText: mail.replyText,
    attachments: mail.attachments,
    omitted: mail.omitted,
    receivedWhileDisabled: accepted.receivedWhileDisabled,
    ...(mail.truncated ? { truncated: mail.truncated } : {}),
    ...(accepted.authentication ? { authentication: accepted.authentication } : {}),
  };
}
