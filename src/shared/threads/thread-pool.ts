import { parentPort, type ResourceLimits, type Transferable, type Worker } from 'node:worker_threads';
import { messageOf } from '../error-message';
import { startThread } from './start-thread';

/** A job ran past the pool's deadline; its thread was stopped and replaced. */
export class ThreadDeadlineExceeded extends Error {}
/** A thread died under a job (it crashed, or ran out of memory); it was replaced. */
export class ThreadDied extends Error {}
/** The pool closed before the job was done. */
export class ThreadPoolClosed extends Error {}

export interface ThreadPoolOptions {
  /** Names the threads in errors: "the mail parser took longer than …". */
  name: string;
  threads: number;
  /** How long one job may run on a thread before the thread is stopped. */
  deadlineMs: number;
  /** Caps each thread's heap, so what it is given cannot take the process's memory. */
  resourceLimits?: ResourceLimits;
}

interface Job<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

interface Slot<Request, Result> {
  worker: Worker;
  ready: boolean;
  job: Job<Request, Result> | null;
  jobId: number;
  timer: NodeJS.Timeout | null;
}

type WorkerMessage<Result> = { ready: true } | { id: number; result: Result } | { id: number; error: string };

/**
 * A few threads that run one kind of job (the worker file's `serveThreadJobs`), one job per thread
 * at a time, each within a deadline. A thread that overruns it is stopped, and one that dies is
 * replaced; either way only its job fails. A thread counts as ready once its file has loaded, so
 * start-up time never eats into a job's deadline.
 */
export class ThreadPool<Request, Result> {
  private readonly slots: Array<Slot<Request, Result>> = [];
  private readonly queue: Array<Job<Request, Result>> = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly options: ThreadPoolOptions,
  ) {}

  run(request: Request): Promise<Result> {
    if (this.closed) return Promise.reject(new ThreadPoolClosed(`the ${this.options.name} has stopped`));
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      // Another thread only when every one there is (or is getting ready) has a job.
      const free = this.slots.filter((slot) => !slot.job).length;
      if (this.queue.length > free && this.slots.length < this.options.threads) this.slots.push(this.start());
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new ThreadPoolClosed(`the ${this.options.name} has stopped`);
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const slots = this.slots.splice(0);
    for (const slot of slots) this.finish(slot)?.reject(stopped);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot<Request, Result> {
    const worker = startThread(this.file, null, this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {});
    const slot: Slot<Request, Result> = { worker, ready: false, job: null, jobId: 0, timer: null };
    worker.on('message', (message: WorkerMessage<Result>) => {
      if ('ready' in message) {
        slot.ready = true;
        return this.dispatch();
      }
      if (message.id !== slot.jobId) return;
      const job = this.finish(slot);
      if ('error' in message) job?.reject(new Error(message.error));
      else job?.resolve(message.result);
      this.dispatch();
    });
    worker.on('error', (error) => this.lost(slot, error));
    worker.on('exit', (code) => this.lost(slot, new Error(`exit code ${code}`)));
    // Idle threads do not keep the process alive; one with a job, or loading while jobs wait, does.
    if (this.queue.length === 0) worker.unref();
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job<Request, Result>;
      slot.job = job;
      slot.jobId = this.nextId++;
      slot.timer = setTimeout(() => this.overran(slot), this.options.deadlineMs);
      slot.worker.postMessage({ id: slot.jobId, request: job.request });
    }
    for (const slot of this.slots) {
      if (slot.job || (!slot.ready && this.queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  /** The slot's job, taken off it: the slot is idle again. */
  private finish(slot: Slot<Request, Result>): Job<Request, Result> | null {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return job;
  }

  private overran(slot: Slot<Request, Result>): void {
    const job = this.finish(slot);
    this.replace(slot);
    void slot.worker.terminate();
    job?.reject(new ThreadDeadlineExceeded(`the ${this.options.name} took longer than ${this.options.deadlineMs} ms and was stopped`));
  }

  private lost(slot: Slot<Request, Result>, error: Error): void {
    if (!this.slots.includes(slot)) return;
    const job = this.finish(slot);
    const died = new ThreadDied(`the ${this.options.name} thread died: ${messageOf(error)}`);
    if (!slot.ready) {
      // It never loaded: starting another would fail the same way, so what waits fails now and
      // the next job tries again.
      this.slots.splice(this.slots.indexOf(slot), 1);
      for (const waiting of this.queue.splice(0)) waiting.reject(died);
    } else {
      this.replace(slot);
    }
    job?.reject(died);
  }

  private replace(slot: Slot<Request, Result>): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    if (this.closed) this.slots.splice(index, 1);
    else this.slots[index] = this.start();
  }
}

export interface ThreadAnswer<Result> {
  result: Result;
  /** Buffers of the result to move to the pool's thread instead of copying them. */
  transfer?: Transferable[];
}

/** The thread's side: answers each job with `handle`, and says when it is ready for the first. */
export function serveThreadJobs<Request, Result>(handle: (request: Request) => Promise<ThreadAnswer<Result>>): void {
  const port = parentPort;
  if (!port) throw new Error('serveThreadJobs runs on a worker thread');
  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    handle(request).then(
      ({ result, transfer }) => port.postMessage({ id, result } satisfies WorkerMessage<Result>, transfer ?? []),
      (error: unknown) => port.postMessage({ id, error: messageOf(error) } satisfies WorkerMessage<Result>),
    );
  });
  port.postMessage({ ready: true } satisfies WorkerMessage<Result>);
}
