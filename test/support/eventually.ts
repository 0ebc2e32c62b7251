/**
 * Reads until `until` holds: process managers and projections follow the log, so what a command
 * caused shows a moment later. Fails naming `what` and the last value read.
 */
export async function eventually<T>(read: () => Promise<T>, until: (value: T) => boolean, what = 'the read models to show it', timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() > deadline) throw new Error(`Waited in vain for ${what}; last read: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
