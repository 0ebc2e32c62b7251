import type { MessageEvent } from '@nestjs/common';
import type { EventStore, EventSubscription, RecordedEvent } from '../event-store/event-store.port';
import { LiveLog, liveTopic, type LiveListener, type LiveOutcome } from './live-log';

/** A log whose live part the test appends to, counting the subscriptions opened on it. */
function liveStore() {
  let waiting: ((event: RecordedEvent | Error | null) => void) | null = null;
  const queued: Array<RecordedEvent | Error> = [];
  let position = 10n;
  const store = {
    subscriptions: 0,
    headPosition: async () => position,
    subscribeToAll: (): EventSubscription => {
      store.subscriptions += 1;
      return {
        async *[Symbol.asyncIterator]() {
          for (;;) {
            const next = queued.shift() ?? (await new Promise<RecordedEvent | Error | null>((resolve) => (waiting = resolve)));
            if (next === null) return;
            if (next instanceof Error) throw next;
            yield next;
          }
        },
        stop: async () => {
          waiting?.(null);
          waiting = null;
        },
      };
    },
  };
  const push = (next: RecordedEvent | Error) => {
    const wake = waiting;
    waiting = null;
    if (wake) wake(next);
    else queued.push(next);
  };
  const append = async (type: string, data: Record<string, unknown>, accountId = 'a1', streamId = 'conversation-1') => {
    position += 1n;
    push({ streamId, revision: 0, position, type, data, metadata: { accountId } as RecordedEvent['metadata'], recordedAt: new Date() });
    await settle();
  };
  return { store: store as typeof store & EventStore, append, fail: async (error: Error) => (push(error), await settle()) };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

function listener(topics: string[], pick: (event: RecordedEvent) => LiveOutcome = (event) => ({ type: 'x', data: { change: event.type } }), stillValid?: () => boolean) {
  const got = { messages: [] as MessageEvent[], ended: 0 };
  const member: LiveListener = { topics, pick, stillValid, send: (message) => got.messages.push(message), end: () => (got.ended += 1) };
  return { member, got };
}

describe('LiveLog', () => {
  it('reads the log once for every listener, and hands each event only to those following one of its ids', async () => {
    const { store, append } = liveStore();
    const log = new LiveLog(store, async () => undefined);
    const account = listener([liveTopic.account('a1')]);
    const chat = listener([liveTopic.conversation('c1')]);
    const other = listener([liveTopic.account('a2')]);
    const pickedByOther = jest.fn(() => null);
    const otherPicking = listener([liveTopic.account('a2')], pickedByOther);
    await Promise.all([account, chat, other, otherPicking].map(({ member }) => log.join(member).ready));

    await append('ChatMessageReceived', { conversationId: 'c1' });
    await append('MessageReceived', { conversationId: 'c2' });

    expect(store.subscriptions).toBe(1);
    expect(log.readsOpened()).toBe(1);
    expect(account.got.messages.map((m) => (m.data as { change: string }).change)).toEqual(['ChatMessageReceived', 'MessageReceived']);
    expect(chat.got.messages).toHaveLength(1);
    expect(other.got.messages).toHaveLength(0);
    // Not even asked: an event of another account costs nothing per stream of this one.
    expect(pickedByOther).not.toHaveBeenCalled();
    await log.stop();
  });

  it('sends once the read models show the event, and ends a listener at once when it says so', async () => {
    const { store, append } = liveStore();
    let show: () => void = () => undefined;
    const log = new LiveLog(store, () => new Promise<void>((resolve) => (show = resolve)));
    const tab = listener([liveTopic.account('a1'), liveTopic.session('s1')], (event) => (event.type === 'SessionEnded' ? 'end' : { type: 'inbox', data: {} }));
    await log.join(tab.member).ready;

    await append('MessageReceived', { conversationId: 'c1' });
    expect(tab.got.messages).toHaveLength(0);
    show();
    await settle();
    expect(tab.got.messages).toHaveLength(1);

    await append('SessionEnded', { sessionId: 's1' }, '');
    expect(tab.got.ended).toBe(1);
    await append('MessageReceived', { conversationId: 'c1' });
    expect(tab.got.messages).toHaveLength(1);
    expect(log.size()).toBe(0);
    await log.stop();
  });

  it('ends listeners that are no longer valid (an expired session has no event) at the next sweep', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const { store } = liveStore();
      const log = new LiveLog(store, async () => undefined, { sweepMs: 1000 });
      let valid = true;
      const tab = listener([liveTopic.user('u1')], () => null, () => valid);
      await log.join(tab.member).ready;
      jest.advanceTimersByTime(1000);
      expect(tab.got.ended).toBe(0);
      valid = false;
      jest.advanceTimersByTime(1000);
      expect(tab.got.ended).toBe(1);
      await log.stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends every stream when the log fails, and the next stream reads it again', async () => {
    const { store, append, fail } = liveStore();
    const log = new LiveLog(store, async () => undefined);
    const first = listener([liveTopic.account('a1')]);
    await log.join(first.member).ready;
    await fail(new Error('connection lost'));
    expect(first.got.ended).toBe(1);

    const second = listener([liveTopic.account('a1')]);
    await log.join(second.member).ready;
    await append('MessageReceived', {});
    expect(store.subscriptions).toBe(2);
    expect(second.got.messages).toHaveLength(1);
    expect(first.got.messages).toHaveLength(0);
    await log.stop();
  });

  it('ends every stream when stopped, and refuses new ones', async () => {
    const { store } = liveStore();
    const log = new LiveLog(store, async () => undefined);
    const tab = listener([liveTopic.account('a1')]);
    await log.join(tab.member).ready;
    await log.stop();
    expect(tab.got.ended).toBe(1);
    await expect(log.join(listener([liveTopic.account('a1')]).member).ready).rejects.toThrow(/shutting down/);
  });
});
