import { parentPort, workerData, type Worker } from 'node:worker_threads';
import type { RecordedEvent } from '../event-store/event-store.port';
import { startThread } from '../threads/start-thread';
import { SqliteFeedApplier, type CheckpointWrite, type FeedApplier, type FeedResult, type FeedTarget } from './feed-applier';
import type { Projection } from './projection';
import { openReadModelDb } from './read-model-db';
import { messageOf } from '../error-message';

interface HostData {
  file: string;
  projections: string[];
}

interface ApplyRequest {
  id: number;
  batch: RecordedEvent[];
  targets: FeedTarget[];
  checkpoints: CheckpointWrite[];
}

type ApplyReply = { id: number; result: FeedResult } | { id: number; error: string };
/** The thread's first message: its projections are loaded and it takes batches. */
type Loaded = { loaded: true };

/**
 * Applies the live feed's batches on a thread of its own, with its own connection to the read
 * models' database. On the thread that serves HTTP and SMTP, every batch's transaction kept them
 * waiting: under an inbound burst that wait, not the work, was what held intake back. The thread
 * runs `serveProjections` in `workerFile` with the same projection classes this process runs.
 */
export class ProjectionHost implements FeedApplier {
  private worker: Worker | null = null;
  private loaded: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(result: FeedResult): void; reject(error: unknown): void }>();

  constructor(
    private readonly workerFile: string,
    private readonly data: HostData,
  ) {}

  apply(batch: RecordedEvent[], targets: Array<FeedTarget & { projection: Projection }>, checkpoints: CheckpointWrite[]): Promise<FeedResult> {
    const worker = this.worker ?? this.startThread();
    const id = this.nextId++;
    return new Promise<FeedResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Referenced while a batch is under way, so the process waits for it; idle, it may exit.
      worker.ref();
      const request: ApplyRequest = { id, batch, targets: targets.map(({ name, position }) => ({ name, position })), checkpoints };
      worker.postMessage(request);
    });
  }

  /**
   * Starts the thread and waits until it has loaded, so that the first command's wait for the read
   * models does not pay for loading it (seconds on a busy machine, and more under ts-node).
   */
  async start(): Promise<void> {
    const worker = this.worker ?? this.startThread();
    worker.ref();
    try {
      await this.loaded;
    } finally {
      if (this.waiting.size === 0) worker.unref();
    }
  }

  /** After the feed has stopped: nothing is under way any more. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private startThread(): Worker {
    const worker = startThread(this.workerFile, this.data);
    let markLoaded: () => void = () => undefined;
    let failLoading: (error: Error) => void = () => undefined;
    this.loaded = new Promise<void>((resolve, reject) => {
      markLoaded = resolve;
      failLoading = reject;
    });
    // Nobody may be waiting for it: a thread that fails to load still fails its batches, one by one.
    this.loaded.catch(() => undefined);
    worker.on('message', (reply: ApplyReply | Loaded) => {
      if ('loaded' in reply) return markLoaded();
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.result);
    });
    // A thread that died takes its batches with it (nothing of them committed); the next batch starts a new one.
    const lost = (error: Error) => {
      failLoading(error);
      if (this.worker === worker) this.worker = null;
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const waiter of waiting) waiter.reject(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the projection thread exited (code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** The thread's side: applies each batch it is sent to the projections named in it, and answers. */
export function serveProjections(projections: Projection[]): void {
  const port = parentPort;
  if (!port) throw new Error('serveProjections runs on a worker thread');
  const { file, projections: wanted } = workerData as HostData;
  const byName = new Map(projections.map((projection) => [projection.name, projection]));
  // The app's worker serves the app's own list; a worker file given another list must not drop a read model silently.
  const missing = wanted.filter((name) => !byName.has(name));
  if (missing.length > 0) throw new Error(`the projection thread has no projection named ${missing.join(', ')}: its worker file serves another list than the app runs`);
  const applier = new SqliteFeedApplier(openReadModelDb(file));
  port.on('message', ({ id, batch, targets, checkpoints }: ApplyRequest) => {
    try {
      const hosted = targets.map((target) => ({ ...target, projection: byName.get(target.name) as Projection }));
      // Patient: waiting for the write lock blocks only this thread.
      port.postMessage({ id, result: applier.apply(batch, hosted, checkpoints, true) as FeedResult } satisfies ApplyReply);
    } catch (error) {
      port.postMessage({ id, error: messageOf(error) } satisfies ApplyReply);
    }
  });
  port.postMessage({ loaded: true } satisfies Loaded);
}
