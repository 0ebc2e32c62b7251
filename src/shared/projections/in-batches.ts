const IDLE = Symbol('idle');

/** How long a catch-up may keep the event loop before HTTP, SMTP and timers get a turn. */
const MAX_BUSY_MS = 50;

/**
 * Gives the event loop a turn when `since` is more than MAX_BUSY_MS ago: reading a long log from
 * cached pages never waits on I/O, so without this a catch-up (after a version bump, say) would leave
 * every request unanswered until it ends. Returns when the current busy stretch started.
 */
export async function yieldWhenBusy(since: number): Promise<number> {
  if (performance.now() - since < MAX_BUSY_MS) return since;
  await new Promise((resolve) => setImmediate(resolve));
  return performance.now();
}

/**
 * Groups what an async source has ready now into arrays of at most `maxSize`: a batch ends when it
 * is full or when the source would have to wait. Catch-up reads give big batches (one transaction
 * for many events); live traffic gives small ones (low latency).
 */
export async function* inBatches<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = iterator.next();
      // Resolves only after every microtask has run: when the source is waiting for I/O or a wake-up.
      let settleIdle = () => {};
      const idle = new Promise<typeof IDLE>((resolve) => {
        settleIdle = () => resolve(IDLE);
        setImmediate(settleIdle);
      });
      try {
        while (batch.length < maxSize) {
          const next = await Promise.race([pending, idle]);
          if (next === IDLE) break;
          if (next.done) {
            yield batch;
            return;
          }
          batch.push(next.value);
          pending = iterator.next();
        }
      } finally {
        // Each race above left a reaction on `idle` that holds its settled result (an event). A catch-up
        // that never yields to the event loop would keep every batch's idle pending, and so every event
        // read, until it ends (1M events: out of memory); settling it now lets them go.
        settleIdle();
      }
      yield batch;
    }
  } finally {
    void iterator.return?.();
  }
}
