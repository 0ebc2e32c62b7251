import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts a worker thread on `file`; under ts-jest and ts-node that file is the TypeScript source. */
export function startThread(file: string, workerData: unknown, options: Omit<WorkerOptions, 'workerData' | 'execArgv'> = {}): Worker {
  const compiled = file.endsWith('.js');
  return new Worker(file, { ...options, workerData, ...(compiled ? {} : { execArgv: ['-r', 'ts-node/register/transpile-only'] }) });
}
