import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';

/**
 * The main thread's side of a writer thread (see serveGroupCommits). Requests made in the same
 * tick go out as one message, at once: the thread does not wait for this side to hear about one
 * commit before it starts the next, so under load every round trip costs one commit, not a commit
 * plus a turn of this thread's event loop. Every message gets exactly one reply, in order.
 */
export class WriterChannel<Request, Reply> {
  private gathering: Request[] = [];
  private readonly posted: Request[][] = [];
  private idle: Array<() => void> = [];

  constructor(
    private readonly worker: Worker,
    /** What goes over the wire for a group of requests. */
    private readonly wire: (requests: Request[]) => unknown,
    /** Settles the group's requests with the thread's reply, or with the error that lost it. */
    private readonly settle: (requests: Request[], reply: Reply | Error) => void,
  ) {
    worker.on('message', (reply: Reply) => this.replied(reply));
    worker.on('error', (error) => this.lost(error));
    worker.unref();
  }

  send(request: Request): void {
    this.gathering.push(request);
    if (this.gathering.length === 1) setImmediate(() => this.flush());
  }

  /** Resolves once every request sent so far has its reply. */
  drained(): Promise<void> {
    if (this.gathering.length === 0 && this.posted.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private flush(): void {
    const group = this.gathering;
    this.gathering = [];
    if (group.length === 0) return;
    this.posted.push(group);
    // Referenced while a commit is under way, so the process waits for it; idle, it may exit.
    this.worker.ref();
    this.worker.postMessage(this.wire(group));
  }

  private replied(reply: Reply): void {
    const group = this.posted.shift();
    if (group) this.settle(group, reply);
    this.afterReply();
  }

  private lost(error: Error): void {
    const groups = [...this.posted.splice(0), this.gathering];
    this.gathering = [];
    for (const group of groups) if (group.length > 0) this.settle(group, error);
    this.afterReply();
  }

  private afterReply(): void {
    if (this.posted.length > 0) return;
    this.worker.unref();
    if (this.gathering.length > 0) return;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }
}

/**
 * The writer thread's side: every message that has arrived by the time a commit can start goes
 * into that one commit (one fsync for all), and each message gets its own reply, in order.
 */
export function serveGroupCommits<Group, Reply>(port: MessagePort, commit: (groups: Group[]) => Reply[]): void {
  port.on('message', (first: Group) => {
    const groups = [first];
    for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) groups.push(next.message as Group);
    for (const reply of commit(groups)) port.postMessage(reply);
  });
}
