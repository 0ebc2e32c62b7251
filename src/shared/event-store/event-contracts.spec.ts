import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { EventContracts, EventContractViolation } from './event-contracts';
import type { RecordedEvent } from './event-store.port';

// A small registry: a note whose `size` once could be stored as null (now refused), and a tag that never drifted.
const contracts = new EventContracts(
  {
    NoteAdded: z.object({ text: z.string(), size: z.int().nonnegative(), parts: z.array(z.object({ kind: z.string() })) }),
    Tagged: z.object({ tag: z.string().min(1) }),
  },
  {
    NoteAdded: (data) => {
      const note = data as { size?: unknown };
      return { ...note, size: typeof note.size === 'number' && note.size >= 0 ? note.size : 0 };
    },
  },
);

const recorded = (type: string, data: unknown, revision = 0): RecordedEvent => ({
  streamId: 'note-1',
  revision,
  position: BigInt(revision + 1),
  type,
  data,
  metadata: { eventId: `e${revision}`, accountId: 'a1', actor: { system: 'test' }, correlationId: 'c', causationId: null, occurredAt: '2026-12-01T00:00:00.000Z', schemaVersion: 1 },
  recordedAt: new Date(0),
});

describe('EventContracts.check', () => {
  it('accepts data that matches the schema of its type', () => {
    expect(() => contracts.check({ type: 'NoteAdded', data: { text: 'hi', size: 2, parts: [] } })).not.toThrow();
  });

  it.each([
    [{ text: 'hi', size: 2, parts: [{ kind: false }] }, 'NoteAdded.data.parts[0].kind: expected string, received boolean'],
    [{ text: 'hi', size: Number.NaN, parts: [] }, 'NoteAdded.data.size: expected number, received NaN'],
    [{ text: 'hi', size: -1, parts: [] }, 'NoteAdded.data.size: Too small: expected number to be >=0'],
    [{ size: 1, parts: [] }, 'NoteAdded.data.text: expected string, received undefined'],
  ])('refuses a wrong shape, naming the type and the path of the field (%j)', (data, message) => {
    let caught: unknown;
    try {
      contracts.check({ type: 'NoteAdded', data });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventContractViolation);
    expect(caught).toMatchObject({ code: 'EVENT.CONTRACT_VIOLATION', eventType: 'NoteAdded', message });
  });

  it('refuses a type nobody registered', () => {
    expect(() => contracts.check({ type: 'NoteDeleted', data: {} })).toThrow('NoteDeleted: unknown event type (no schema is registered for it)');
  });

  it('refuses an upcaster for a type without a schema', () => {
    expect(() => new EventContracts({}, { Ghost: (data) => data })).toThrow(/Ghost/);
  });
});

describe('EventContracts.upcast', () => {
  it('repairs a stored shape the schema now refuses, without touching the stored object', () => {
    const stored = recorded('NoteAdded', { text: 'hi', size: null, parts: [] });
    const frozen = JSON.stringify(stored.data);
    const current = contracts.upcast(stored);
    expect(current.data).toEqual({ text: 'hi', size: 0, parts: [] });
    expect(current).toMatchObject({ streamId: 'note-1', revision: 0, type: 'NoteAdded' });
    expect(JSON.stringify(stored.data)).toBe(frozen);
  });

  it('hands back the very same event when it conforms, or when its type has no upcaster', () => {
    const fine = recorded('NoteAdded', { text: 'hi', size: 1, parts: [] });
    expect(contracts.upcast(fine)).toBe(fine);
    const tag = recorded('Tagged', { tag: '' });
    expect(contracts.upcast(tag)).toBe(tag);
  });

  it('lets an event that is still broken after upcasting through as stored, and logs it once', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const broken = recorded('NoteAdded', { size: 1, parts: 'none' }, 7);
      expect(contracts.upcast(broken)).toBe(broken);
      expect(contracts.upcast(broken)).toBe(broken);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toContain('NoteAdded at note-1@7');
      expect(warn.mock.calls[0][0]).toContain('NoteAdded.data.text: expected string, received undefined');
    } finally {
      warn.mockRestore();
    }
  });
});
