// A thread for the thread pool's tests: doubles numbers, and misbehaves on request.
import { serveThreadJobs } from '../../src/shared/threads/thread-pool';

export type PoolJob = { op: 'double'; value: number } | { op: 'spin' | 'exit' | 'throw' | 'hoard' | 'bytes' };

serveThreadJobs<PoolJob, number | Uint8Array>(async (job) => {
  switch (job.op) {
    case 'double':
      return { result: job.value * 2 };
    case 'spin':
      for (;;) Math.random();
    case 'exit':
      return process.exit(3);
    case 'throw':
      throw new Error('refused on the thread');
    case 'hoard': {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(10_000).fill(hoard.length));
    }
    case 'bytes': {
      const bytes = new Uint8Array([1, 2, 3]);
      return { result: bytes, transfer: [bytes.buffer] };
    }
  }
});
