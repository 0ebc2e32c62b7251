import type { Server } from 'node:http';
import request from 'supertest';

/**
 * Asks /api/health over and over while hostile traffic runs, one request at a time, and keeps the
 * slowest answer: a denial of service shows as a slow or failing health check. One request goes
 * first, untimed, before the traffic: the first answer of a fresh app is slow for reasons of its
 * own (code loaded and compiled on first use, half a second on a busy machine).
 */
export async function pollHealth(server: Server): Promise<{ stop(): Promise<{ slowestMs: number; answers: number; statuses: number[] }> }> {
  await request(server).get('/api/health');
  let running = true;
  let slowestMs = 0;
  let answers = 0;
  const statuses = new Set<number>();
  const polling = (async () => {
    while (running) {
      const started = performance.now();
      const response = await request(server).get('/api/health');
      slowestMs = Math.max(slowestMs, performance.now() - started);
      answers += 1;
      statuses.add(response.status);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await polling;
      return { slowestMs, answers, statuses: [...statuses] };
    },
  };
}
