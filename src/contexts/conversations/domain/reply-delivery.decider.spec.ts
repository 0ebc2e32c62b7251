import { given } from '../../../shared/domain/decider.testing';
import { RETRY_DELAYS_MS, replyDeliveryDecider, type ReplyDeliveryEvent } from './reply-delivery.decider';

const ids = { conversationId: 'c1', accountId: 'a1', messageId: 'r1' };
const t0 = new Date('2026-11-25T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const started = (attempt: number, when = t0): ReplyDeliveryEvent => ({
  type: 'ReplyDeliveryStarted',
  data: { ...ids, attempt, startedAt: when.toISOString(), leaseUntil: new Date(when.getTime() + 60_000).toISOString() },
});
const failed = (attempt: number, nextAttemptAt: string | null): ReplyDeliveryEvent => ({
  type: 'ReplyDeliveryFailed',
  data: { ...ids, attempt, error: '421 try later', permanent: false, nextAttemptAt, failedAt: t0.toISOString() },
});

describe('reply delivery', () => {
  it('claims the first attempt of a queued reply', () => {
    given(replyDeliveryDecider).when({ ...ids, type: 'StartAttempt', now: t0, leaseMs: 60_000 }).then([started(1)]);
  });

  it('does not claim an attempt another worker holds, until its claim expires (a crash mid-send)', () => {
    given(replyDeliveryDecider, [started(1)]).when({ ...ids, type: 'StartAttempt', now: at(30_000), leaseMs: 60_000 }).then([]);
    given(replyDeliveryDecider, [started(1)]).when({ ...ids, type: 'StartAttempt', now: at(60_000), leaseMs: 60_000 }).then([started(2, at(60_000))]);
  });

  it('records delivery with the relay’s answer, and never starts again after it', () => {
    const delivered: ReplyDeliveryEvent = { type: 'ReplyDelivered', data: { ...ids, attempt: 1, response: '250 OK queued', deliveredAt: t0.toISOString() } };
    given(replyDeliveryDecider, [started(1)]).when({ ...ids, type: 'RecordOutcome', attempt: 1, outcome: { delivered: true, response: '250 OK queued' }, now: t0 }).then([delivered]);
    given(replyDeliveryDecider, [started(1), delivered]).when({ ...ids, type: 'StartAttempt', now: at(10 ** 9), leaseMs: 60_000 }).then([]);
    given(replyDeliveryDecider, [started(1), delivered]).when({ ...ids, type: 'RequestRetry', now: t0 }).thenFails({ code: 'CONVERSATION.REPLY_ALREADY_SENT' });
  });

  it('backs off from seconds up to a day, then waits for an agent', () => {
    given(replyDeliveryDecider, [started(1)])
      .when({ ...ids, type: 'RecordOutcome', attempt: 1, outcome: { delivered: false, error: '421 try later', permanent: false }, now: t0 })
      .then([failed(1, at(5_000).toISOString())]);
    const last = RETRY_DELAYS_MS.length + 1;
    given(replyDeliveryDecider, [started(last)])
      .when({ ...ids, type: 'RecordOutcome', attempt: last, outcome: { delivered: false, error: '421 try later', permanent: false }, now: t0 })
      .then([failed(last, null)]);
    expect(Math.max(...RETRY_DELAYS_MS)).toBe(86_400_000);
  });

  it('gives up at once on a permanent (5xx) refusal', () => {
    given(replyDeliveryDecider, [started(1)])
      .when({ ...ids, type: 'RecordOutcome', attempt: 1, outcome: { delivered: false, error: '550 no such user', permanent: true }, now: t0 })
      .then([{ type: 'ReplyDeliveryFailed', data: { ...ids, attempt: 1, error: '550 no such user', permanent: true, nextAttemptAt: null, failedAt: t0.toISOString() } }]);
  });

  it('ignores the outcome of an attempt whose claim was taken over', () => {
    given(replyDeliveryDecider, [started(1), started(2, at(60_000))])
      .when({ ...ids, type: 'RecordOutcome', attempt: 1, outcome: { delivered: true, response: '250' }, now: at(61_000) })
      .then([]);
  });

  it('lets an agent retry a failed reply at once, but not one still queued', () => {
    given(replyDeliveryDecider, [started(1), failed(1, null)])
      .when({ ...ids, type: 'RequestRetry', now: t0 })
      .then([{ type: 'ReplyRetryRequested', data: { ...ids, requestedAt: t0.toISOString() } }]);
    given(replyDeliveryDecider, [started(1), failed(1, at(5_000).toISOString())]).when({ ...ids, type: 'RequestRetry', now: t0 }).then([{ type: 'ReplyRetryRequested', data: { ...ids, requestedAt: t0.toISOString() } }]);
    given(replyDeliveryDecider).when({ ...ids, type: 'RequestRetry', now: t0 }).thenFails({ code: 'CONVERSATION.REPLY_IN_PROGRESS' });
  });
});

describe('undo send', () => {
  const sendsAt = at(10_000).toISOString();
  const undo = (now: Date, userId = 'author') => ({ ...ids, type: 'Undo' as const, userId, authorId: 'author', sendsAt, now });
  const undone = (now: Date): ReplyDeliveryEvent => ({ type: 'ReplyUndone', data: { ...ids, undoneBy: 'author', undoneAt: now.toISOString() } });

  it('lets the author undo a reply within its window, and the outbox never takes it then', () => {
    given(replyDeliveryDecider).when(undo(at(9_999))).then([undone(at(9_999))]);
    given(replyDeliveryDecider, [undone(at(5_000))]).when({ ...ids, type: 'StartAttempt', now: at(10 ** 9), leaseMs: 60_000, sendsAt }).then([]);
    given(replyDeliveryDecider, [undone(at(5_000))]).when({ ...ids, type: 'RequestRetry', now: at(20_000) }).thenFails({ code: 'CONVERSATION.REPLY_UNDONE' });
  });

  it('undoes twice as once', () => {
    given(replyDeliveryDecider, [undone(at(5_000))]).when(undo(at(6_000))).then([]);
  });

  it('does not let the outbox take a reply before its undo window ends', () => {
    given(replyDeliveryDecider).when({ ...ids, type: 'StartAttempt', now: at(9_999), leaseMs: 60_000, sendsAt }).then([]);
    given(replyDeliveryDecider)
      .when({ ...ids, type: 'StartAttempt', now: at(10_000), leaseMs: 60_000, sendsAt })
      .then([started(1, at(10_000))]);
  });

  it('refuses an undo once the window has passed or the outbox has claimed the reply: exactly one of them wins', () => {
    given(replyDeliveryDecider).when(undo(at(10_000))).thenFails({ code: 'CONVERSATION.UNDO_TOO_LATE' });
    given(replyDeliveryDecider, [started(1, at(10_000))]).when(undo(at(10_000))).thenFails({ code: 'CONVERSATION.UNDO_TOO_LATE' });
  });

  it('has no window for a reply queued without a delay', () => {
    given(replyDeliveryDecider).when({ ...undo(t0), sendsAt: undefined }).thenFails({ code: 'CONVERSATION.UNDO_TOO_LATE' });
  });

  it('lets only the author undo', () => {
    given(replyDeliveryDecider).when(undo(at(1_000), 'colleague')).thenFails({ code: 'CONVERSATION.NOT_REPLY_AUTHOR' });
  });
});
