import { randomUUID } from 'node:crypto';
import type { Actor, EventMetadata } from '../domain/event-envelope';
import type { RecordedEvent } from '../event-store/event-store.port';
import { deterministicId } from '../domain/deterministic-id';

/** Who asks, on behalf of which account, and why: carried into every event's metadata. */
export interface CommandContext {
  actor: Actor;
  accountId: string | null;
  /** The request id, or the correlation id of the event that caused this command. */
  correlationId: string;
  causationId: string | null;
  /**
   * Set when the command must take effect once however often it is sent (process managers derive
   * it from the event they react to). Events it wrote carry it, so a repeat is recognised.
   */
  commandId?: string;
}

/** The context of a command a process manager sends because of `event`. */
export function contextCausedBy(event: RecordedEvent, handlerName: string): CommandContext {
  return {
    actor: { system: handlerName },
    accountId: event.metadata.accountId,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.eventId,
    commandId: deterministicId(handlerName, event.metadata.eventId),
  };
}

export function metadataFor(context: CommandContext, streamId: string, index: number, now: Date): EventMetadata {
  return {
    eventId: context.commandId ? deterministicId(context.commandId, streamId, String(index)) : randomUUID(),
    accountId: context.accountId,
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    ...(context.commandId ? { commandId: context.commandId } : {}),
    occurredAt: now.toISOString(),
    schemaVersion: 1,
  };
}
