import type { Server } from 'node:http';
import { Worker } from 'node:worker_threads';
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

/** Runs `work` while another client polls /api/health (see pollHealth), and reports the slowest answer and every status seen. */
export async function whilePollingHealth<T>(server: Server, work: () => Promise<T>): Promise<{ result: T; slowestMs: number; statuses: Set<number>; polls: number }> {
  const poller = await pollHealth(server);
  const outcome = await work().then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  const polled = await poller.stop();
  if ('error' in outcome) throw outcome.error;
  return { result: outcome.result, slowestMs: polled.slowestMs, statuses: new Set(polled.statuses), polls: polled.answers };
}

export interface HealthPolls {
  /** Answers received, and the slowest of them (ms, request sent to answer read). */
  answers: number;
  slowestMs: number;
  /** Status codes other than 200, in order. */
  failures: number[];
}

/**
 * Polls `GET <baseUrl>/api/health` every ~50 ms from a thread of its own: a server whose event loop
 * is held shows as slow answers here, which a client on the test's own thread (held with it) could
 * not see. Resolves once the first answer came; `stop` ends the polling and reports.
 */
export async function pollHealthFromThread(baseUrl: string): Promise<{ stop(): Promise<HealthPolls> }> {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const polls = { answers: 0, slowestMs: 0, failures: [] };
    let stopping = false;
    parentPort.on('message', () => (stopping = true));
    (async () => {
      while (!stopping) {
        const started = performance.now();
        const response = await fetch(workerData + '/api/health').catch((error) => ({ status: String(error) }));
        if (response.text) await response.text();
        polls.slowestMs = Math.max(polls.slowestMs, performance.now() - started);
        polls.answers += 1;
        if (response.status !== 200) polls.failures.push(response.status);
        if (polls.answers === 1) parentPort.postMessage({ first: true });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      parentPort.postMessage({ polls });
    })();
    `,
    { eval: true, workerData: baseUrl },
  );
  const messages: Array<{ first?: true; polls?: HealthPolls }> = [];
  const waiters: Array<() => void> = [];
  worker.on('message', (message) => {
    messages.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (has: (message: { first?: true; polls?: HealthPolls }) => boolean) => {
    while (!messages.some(has)) await new Promise<void>((resolve) => waiters.push(resolve));
    return messages.find(has) as { polls?: HealthPolls };
  };
  await next((message) => Boolean(message.first));
  return {
    stop: async () => {
      worker.postMessage('stop');
      const { polls } = await next((message) => Boolean(message.polls));
      await worker.terminate();
      return polls as HealthPolls;
    },
  };
}
