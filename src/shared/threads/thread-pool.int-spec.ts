import { join } from 'node:path';
import { ThreadDeadlineExceeded, ThreadDied, ThreadPool, ThreadPoolClosed } from './thread-pool';
import type { PoolJob } from '../../../test/support/pool-jobs.worker';

const WORKER = join(__dirname, '../../../test/support/pool-jobs.worker.ts');

describe('ThreadPool', () => {
  let pool: ThreadPool<PoolJob, number | Uint8Array>;
  beforeAll(() => {
    pool = new ThreadPool(WORKER, { name: 'test pool', threads: 2, deadlineMs: 1000 });
  });
  afterAll(() => pool.close());

  it('answers jobs on its threads, and hands over transferred buffers', async () => {
    expect(await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run({ op: 'double', value })))).toEqual([2, 4, 6, 8, 10]);
    expect(Array.from((await pool.run({ op: 'bytes' })) as Uint8Array)).toEqual([1, 2, 3]);
  });

  it('stops a job past the deadline, keeps this thread free meanwhile, and answers the next job on a new thread', async () => {
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 20);
    const started = Date.now();
    await expect(pool.run({ op: 'spin' })).rejects.toThrow(ThreadDeadlineExceeded);
    clearInterval(ticking);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(ticks).toBeGreaterThan(20);
    expect(await pool.run({ op: 'double', value: 5 })).toBe(10);
  });

  it('fails only the job of a thread that dies, and replaces the thread', async () => {
    await expect(pool.run({ op: 'exit' })).rejects.toThrow(ThreadDied);
    expect(await Promise.all([pool.run({ op: 'double', value: 1 }), pool.run({ op: 'double', value: 2 })])).toEqual([2, 4]);
  });

  it('fails only the job of a thread that fills its capped heap, and replaces the thread', async () => {
    // Many small objects, as a parser builds them: V8 stops the thread at the cap. (One allocation
    // bigger than what is left can still abort the whole process: nodejs/node#47224.)
    const capped = new ThreadPool<PoolJob, number | Uint8Array>(WORKER, { name: 'capped pool', threads: 1, deadlineMs: 30_000, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    try {
      await expect(capped.run({ op: 'hoard' })).rejects.toThrow(ThreadDied);
      expect(await capped.run({ op: 'double', value: 3 })).toBe(6);
    } finally {
      await capped.close();
    }
  });

  it('passes on what a job throws, and the thread goes on serving', async () => {
    await expect(pool.run({ op: 'throw' })).rejects.toThrow('refused on the thread');
    expect(await pool.run({ op: 'double', value: 4 })).toBe(8);
  });

  it('fails what is under way or waiting when it closes', async () => {
    const closing = new ThreadPool<PoolJob, number | Uint8Array>(WORKER, { name: 'closing pool', threads: 1, deadlineMs: 60_000 });
    const running = closing.run({ op: 'spin' }).catch((error: unknown) => error);
    const waiting = closing.run({ op: 'double', value: 1 }).catch((error: unknown) => error);
    await closing.close();
    expect(await running).toBeInstanceOf(ThreadPoolClosed);
    expect(await waiting).toBeInstanceOf(ThreadPoolClosed);
  });
});
