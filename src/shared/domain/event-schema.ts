import { z } from 'zod';

/**
 * The pieces event schemas share. Each context declares the data of its events as zod schemas
 * beside their types (the types are inferred from them, so the two cannot drift) and contributes
 * them, by event type, to the app's one registry of event contracts.
 */

/** An instant as `Date#toISOString` writes it: ISO 8601 with a zone (`Z` or an offset). */
export const Timestamp = z.iso.datetime({ offset: true });

/** Roles of a signed-in user. */
export const Role = z.enum(['primary_admin', 'admin', 'agent', 'auditor']);
export type Role = z.infer<typeof Role>;

/** The data schema of every event type a context writes, by type. */
export type EventSchemas = Readonly<Record<string, z.ZodType>>;

/**
 * Turns data an earlier build stored in a shape the schema now refuses into the current shape. It
 * never mutates its input (stored events are shared and immutable) and returns it unchanged when
 * there is nothing to repair.
 */
export type Upcaster = (data: unknown) => unknown;

/** The upcaster of each event type whose stored shapes ever drifted, by type. */
export type Upcasters = Readonly<Record<string, Upcaster>>;
