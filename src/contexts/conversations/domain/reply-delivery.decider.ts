import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { DomainError } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

/**
 * Delivery of one queued reply (or mail to one of our users: domain/user-mail.ts), in its own stream so that attempts never contend with the
 * conversation. An attempt is claimed before the mail goes out: whoever appends the claim sends, so
 * two workers (or two nodes) never send the same attempt.
 *
 * Undo send lives here too, for the same reason: the author's undo and the outbox's first claim are
 * both decided on this stream with its expected revision, so exactly one of them is recorded; the
 * loser decides again on the winner's event (a claim makes the undo a 409, an undo makes the claim
 * nothing). Neither happens before `sendsAt` (the first attempt) or after it (the undo).
 */
const Ids = z.object({
  /** Absent for mail to one of the product's own people (UserMailQueued), whose `mailId` is the `messageId` here. */
  conversationId: z.string().min(1).optional(),
  accountId: z.string().min(1),
  messageId: z.string().min(1),
});
type Ids = z.infer<typeof Ids>;
const Attempt = z.int().positive();

export const ReplyDeliveryStartedData = Ids.extend({ attempt: Attempt, startedAt: Timestamp, leaseUntil: Timestamp });
export type ReplyDeliveryStarted = Event<'ReplyDeliveryStarted', z.infer<typeof ReplyDeliveryStartedData>>;
export const ReplyDeliveredData = Ids.extend({ attempt: Attempt, response: z.string(), deliveredAt: Timestamp });
export type ReplyDelivered = Event<'ReplyDelivered', z.infer<typeof ReplyDeliveredData>>;
export const ReplyDeliveryFailedData = Ids.extend({
  attempt: Attempt,
  /** The relay's answer, or what went wrong before one came. */
  error: z.string(),
  /** A 5xx answer: the same message would be refused again. */
  permanent: z.boolean(),
  /** When the outbox tries again; null when it has given up and waits for an agent. */
  nextAttemptAt: Timestamp.nullable(),
  failedAt: Timestamp,
});
export type ReplyDeliveryFailed = Event<'ReplyDeliveryFailed', z.infer<typeof ReplyDeliveryFailedData>>;
export const ReplyRetryRequestedData = Ids.extend({ requestedAt: Timestamp });
export type ReplyRetryRequested = Event<'ReplyRetryRequested', z.infer<typeof ReplyRetryRequestedData>>;
export const ReplyUndoneData = Ids.extend({ undoneBy: z.string().min(1), undoneAt: Timestamp });
export type ReplyUndone = Event<'ReplyUndone', z.infer<typeof ReplyUndoneData>>;
export type ReplyDeliveryEvent = ReplyDeliveryStarted | ReplyDelivered | ReplyDeliveryFailed | ReplyRetryRequested | ReplyUndone;

export type ReplyDeliveryCommand =
  /** `sendsAt`: the end of the reply's undo window (from its ReplyQueued); absent for replies queued before undo send. */
  | (Ids & { type: 'StartAttempt'; now: Date; leaseMs: number; sendsAt?: string })
  | (Ids & { type: 'Undo'; userId: string; authorId: string; sendsAt?: string; now: Date })
  | (Ids & { type: 'RecordOutcome'; attempt: number; outcome: { delivered: true; response: string } | { delivered: false; error: string; permanent: boolean }; now: Date })
  | (Ids & { type: 'RequestRetry'; now: Date });

export interface ReplyDeliveryState {
  status: 'queued' | 'sending' | 'waiting' | 'sent' | 'failed' | 'undone';
  attempts: number;
  /** While sending: until when the claim holds. While waiting: when the next attempt is due. */
  until: string | null;
}

/** From seconds up to a day; after the last one the reply shows as failed until an agent retries. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 57_600_000, 86_400_000];

export const replyDeliveryStream = (messageId: string) => `outboundmail-${messageId}`;

export class ReplyAlreadyDelivered extends DomainError {
  constructor() {
    super('CONVERSATION.REPLY_ALREADY_SENT', 'conflict', 'This reply has been delivered already; it is not sent twice');
  }
}

export class ReplyBeingDelivered extends DomainError {
  constructor() {
    super('CONVERSATION.REPLY_IN_PROGRESS', 'conflict', 'This reply is queued or being sent right now; retry once it has failed');
  }
}

export class ReplyUndoTooLate extends DomainError {
  constructor() {
    super('CONVERSATION.UNDO_TOO_LATE', 'conflict', 'This reply can no longer be undone: its undo window has passed and the outbox has taken it');
  }
}

export class ReplyWasUndone extends DomainError {
  constructor() {
    super('CONVERSATION.REPLY_UNDONE', 'conflict', 'This reply was undone; it is never sent');
  }
}

export class NotTheReplyAuthor extends DomainError {
  constructor() {
    super('CONVERSATION.NOT_REPLY_AUTHOR', 'forbidden', 'Only the author of a reply can undo it');
  }
}

export const replyDeliveryDecider: Decider<ReplyDeliveryState, ReplyDeliveryCommand, ReplyDeliveryEvent> = {
  initialState: () => ({ status: 'queued', attempts: 0, until: null }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ReplyDeliveryStarted':
        return { status: 'sending', attempts: event.data.attempt, until: event.data.leaseUntil };
      case 'ReplyDelivered':
        return { ...state, status: 'sent', until: null };
      case 'ReplyDeliveryFailed':
        return event.data.nextAttemptAt ? { ...state, status: 'waiting', until: event.data.nextAttemptAt } : { ...state, status: 'failed', until: null };
      case 'ReplyRetryRequested':
        return { ...state, status: 'queued', until: null };
      case 'ReplyUndone':
        return { ...state, status: 'undone', until: null };
      default:
        return state;
    }
  },

  decide: (command, state) => {
    const { conversationId, accountId, messageId } = command;
    const ids = { ...(conversationId ? { conversationId } : {}), accountId, messageId };
    switch (command.type) {
      case 'StartAttempt': {
        // Nothing to do is not an error: another worker holds the claim, or it is not due yet.
        if (!isDue(state, command.now) || inUndoWindow(state, command.sendsAt, command.now)) return [];
        const leaseUntil = new Date(command.now.getTime() + command.leaseMs).toISOString();
        return [{ type: 'ReplyDeliveryStarted', data: { ...ids, attempt: state.attempts + 1, startedAt: command.now.toISOString(), leaseUntil } }];
      }
      case 'RecordOutcome': {
        // An outcome for an attempt that is no longer the current one (its claim expired) changes nothing.
        if (state.status !== 'sending' || command.attempt !== state.attempts) return [];
        if (command.outcome.delivered) {
          return [{ type: 'ReplyDelivered', data: { ...ids, attempt: command.attempt, response: command.outcome.response, deliveredAt: command.now.toISOString() } }];
        }
        const delay = command.outcome.permanent ? undefined : RETRY_DELAYS_MS[command.attempt - 1];
        const nextAttemptAt = delay === undefined ? null : new Date(command.now.getTime() + delay).toISOString();
        return [
          {
            type: 'ReplyDeliveryFailed',
            data: { ...ids, attempt: command.attempt, error: command.outcome.error, permanent: command.outcome.permanent, nextAttemptAt, failedAt: command.now.toISOString() },
          },
        ];
      }
      case 'Undo':
        if (command.userId !== command.authorId) throw new NotTheReplyAuthor();
        // Undoing twice (a double click, a retried request) is the same undo.
        if (state.status === 'undone') return [];
        if (!inUndoWindow(state, command.sendsAt, command.now)) throw new ReplyUndoTooLate();
        return [{ type: 'ReplyUndone', data: { ...ids, undoneBy: command.userId, undoneAt: command.now.toISOString() } }];
      case 'RequestRetry':
        if (state.status === 'undone') throw new ReplyWasUndone();
        if (state.status === 'sent') throw new ReplyAlreadyDelivered();
        if (state.status === 'queued' || (state.status === 'sending' && !isDue(state, command.now))) throw new ReplyBeingDelivered();
        return [{ type: 'ReplyRetryRequested', data: { ...ids, requestedAt: command.now.toISOString() } }];
    }
  },
};

/** Before its first attempt and before `sendsAt`: the author may still take the reply back. */
export function inUndoWindow(state: ReplyDeliveryState, sendsAt: string | undefined, now: Date): boolean {
  return state.status === 'queued' && state.attempts === 0 && sendsAt !== undefined && now.getTime() < new Date(sendsAt).getTime();
}

/** Whether an attempt may start now: queued, or waiting and due, or sending with an expired claim (a crash mid-send). */
export function isDue(state: ReplyDeliveryState, now: Date): boolean {
  switch (state.status) {
    case 'queued':
      return true;
    case 'waiting':
    case 'sending':
      return state.until !== null && new Date(state.until).getTime() <= now.getTime();
    default:
      return false;
  }
}
