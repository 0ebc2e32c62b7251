import request from 'supertest';
import type { Server } from 'node:http';

/**
 * Runs `work` while another client asks `/api/health` over and over, and reports the slowest of
 * those answers and every status seen: hostile input must not stall the server for anyone else.
 */
export async function whilePollingHealth<T>(server: Server, work: () => Promise<T>): Promise<{ result: T; slowestMs: number; statuses: Set<number>; polls: number }> {
  let done = false;
  let slowestMs = 0;
  let polls = 0;
  const statuses = new Set<number>();
  const poller = (async () => {
    while (!done || polls === 0) {
      const started = performance.now();
      const answer = await request(server).get('/api/health');
      slowestMs = Math.max(slowestMs, performance.now() - started);
      statuses.add(answer.status);
      polls += 1;
    }
  })();
  try {
    const result = await work();
    return { result, slowestMs, statuses, polls };
  } finally {
    done = true;
    await poller;
  }
}
