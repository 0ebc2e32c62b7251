import { Logger } from '@nestjs/common';
import type { z } from 'zod';
import type { EventSchemas, Upcasters } from '../domain/event-schema';
import type { RecordedEvent } from './event-store.port';
import { messageOf } from '../error-message';

/**
 * An event that breaks its schema, or of a type nobody registered. Deciders build events from
 * checked input, so this is a bug (a 500), never the caller's fault; the event is not written.
 */
export class EventContractViolation extends Error {
  readonly code = 'EVENT.CONTRACT_VIOLATION';
  constructor(
    readonly eventType: string,
    /** Where in the event, e.g. `MessageReceived.data.message.attachments[0].contentType`. */
    readonly path: string,
    readonly rule: string,
  ) {
    super(`${path}: ${rule}`);
    this.name = 'EventContractViolation';
  }
}

/** How many events that stay broken after upcasting are remembered, so each is logged once. */
const REPORTED_CAPACITY = 10_000;

/**
 * The one registry of event types: each type's schema (checked before every append) and the
 * upcasters that repair shapes earlier builds stored (applied by the event store adapters on every
 * read). The app assembles it from what each context contributes (src/event-contracts.ts).
 */
export class EventContracts {
  private readonly reported = new Set<string>();
  private readonly logger = new Logger('EventContracts');

  constructor(
    private readonly schemas: EventSchemas,
    private readonly upcasters: Upcasters = {},
  ) {
    for (const type of Object.keys(upcasters)) {
      if (!schemas[type]) throw new Error(`An upcaster is registered for ${type}, which has no schema`);
    }
  }

  get types(): string[] {
    return Object.keys(this.schemas);
  }

  /** Throws EventContractViolation when the type is unknown or the data breaks its schema. */
  check(event: { type: string; data: unknown }): void {
    const violation = this.violationOf(event);
    if (violation) throw violation;
  }

  violationOf(event: { type: string; data: unknown }): EventContractViolation | null {
    const schema = this.schemas[event.type];
    if (!schema) return new EventContractViolation(event.type, event.type, 'unknown event type (no schema is registered for it)');
    // safeParse builds a checked copy that is thrown away: the appended data stays the caller's object.
    const result = schema.safeParse(event.data);
    return result.success ? null : violationFrom(event.type, result.error.issues[0]);
  }

  /**
   * The event in its current shape. Types without an upcaster come back as they are (they were
   * checked when they were written), and so do events that pass their schema; the upcaster runs
   * only on a shape the schema refuses. One that is still broken after it is let through as it is,
   * logged once: a reader must not crash on it, and the runners set aside what they cannot apply.
   */
  upcast(event: RecordedEvent): RecordedEvent {
    const upcaster = this.upcasters[event.type];
    if (!upcaster || this.violationOf(event) === null) return event;
    let data: unknown;
    try {
      data = upcaster(event.data);
    } catch (error) {
      this.reportOnce(event, `its upcaster failed: ${messageOf(error)}`);
      return event;
    }
    const violation = this.violationOf({ type: event.type, data });
    if (violation) {
      this.reportOnce(event, violation.message);
      return event;
    }
    return { ...event, data };
  }

  private reportOnce(event: RecordedEvent, problem: string): void {
    const key = `${event.streamId}@${event.revision}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (this.reported.size > REPORTED_CAPACITY) this.reported.delete(this.reported.values().next().value as string);
    this.logger.warn(`${event.type} at ${key} (position ${event.position}) does not match its schema after upcasting, passed on as stored: ${problem}`);
  }
}

function violationFrom(type: string, issue: z.core.$ZodIssue): EventContractViolation {
  const path = `${type}.data${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`;
  return new EventContractViolation(type, path, issue.message.replace(/^Invalid input: /, ''));
}
