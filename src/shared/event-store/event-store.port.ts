import type { EventMetadata } from '../domain/event-envelope';

/**
 * A position in the global log. Totally ordered; each adapter decides what the number means
 * (SQLite: the row's global sequence; EventStoreDB: commit and prepare positions packed together).
 * Checkpoints store it as a decimal string.
 */
export type Position = bigint;

/** Where a read of `$all` starts: the very beginning, or a position. */
export type FromPosition = 'start' | Position;

/** `no_stream`: the stream must not exist; a number: its last revision must be exactly that; `any`: no check. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface EventToAppend {
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  streamId: string;
  /** 0-based revision of the event within its stream. */
  revision: number;
  position: Position;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * Turns a stored event into its current shape (the app's upcasters, see EventContracts). Adapters
 * apply it on every read path, so readers never see a shape the schemas have since refused.
 */
export type UpcastEvent = (event: RecordedEvent) => RecordedEvent;

export interface AppendResult {
  /** Revision of the last event written: pass it as `expectedRevision` for the next append. */
  nextExpectedRevision: number;
  position: Position;
}

export interface ReadAllOptions {
  /** Inclusive: the event at this position, if any, is returned first. */
  fromPosition?: FromPosition;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive, like a checkpoint: delivery starts with the first event after it. */
  fromPosition?: FromPosition;
}

/**
 * A catch-up subscription: first every stored event after the checkpoint, then live appends, in log
 * order, with no gap and no duplicate. Iteration ends after `stop()`.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
}

export interface EventStore {
  /** True when positions are 1, 2, 3…, so the distance between two positions counts events. */
  readonly positionsCountEvents: boolean;
  /** Atomic per call: every event is written, or none. */
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Every event of the stream in order; an empty array when the stream does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** One page of the global log (user events only), in order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;
  /** Position of the last event in the log, `null` when the log is empty. */
  headPosition(): Promise<Position | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The stream's actual state did not match `expectedRevision`: someone else wrote first. */
export class WrongExpectedVersion extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersion';
  }
}

export function positionToString(position: FromPosition): string {
  return position === 'start' ? 'start' : position.toString();
}

export function positionFromString(text: string | null | undefined): FromPosition {
  return !text || text === 'start' ? 'start' : BigInt(text);
}
