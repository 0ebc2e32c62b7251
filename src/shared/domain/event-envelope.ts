import type { Role } from './event-schema';

/** Roles of a signed-in user: inferred from their schema in event-schema.ts. */
export type { Role };

/** Who caused an event: a signed-in user, or the system (a process manager, the SMTP server, a CLI). */
export type Actor = { userId: string; role: Role } | { system: string };

export interface EventMetadata {
  eventId: string;
  accountId: string | null;
  actor: Actor;
  /** The request (or the first event) that started this chain of work. */
  correlationId: string;
  /** The event or command that directly caused this one; null for a user's request. */
  causationId: string | null;
  /** Deterministic id of the command that wrote the event: a retried command is recognised by it. */
  commandId?: string;
  occurredAt: string;
  schemaVersion: number;
}

/** A domain event as deciders see it: type-tagged plain data. */
export interface Event<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}
