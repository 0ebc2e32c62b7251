import { randomUUID } from 'node:crypto';
import { deterministicId } from '../../src/shared/domain/deterministic-id';
import type { EventStore } from '../../src/shared/event-store/event-store.port';

/**
 * Appends, straight to the log, a copy of the account's accepted mail `modelId` that no schema
 * would let through: its raw size is an object, which SQLite cannot bind, so the inbound-mail
 * projection throws on it however often it is tried. Returns the new mail's id.
 */
export async function appendUnshowableMail(store: EventStore, accountId: string, modelId: string, subject: string): Promise<string> {
  const [model] = await store.readStream(`inboundmail-${modelId}`);
  const data = model.data as { raw: { hash: string; size: number }; mail: Record<string, unknown> };
  const id = deterministicId('inbound', accountId, 'test', randomUUID());
  await store.appendToStream(
    `inboundmail-${id}`,
    [
      {
        type: 'InboundMailAccepted',
        data: {
          ...data,
          inboundId: id,
          raw: { hash: data.raw.hash, size: { bytes: data.raw.size } },
          mail: { ...data.mail, messageId: `<unshowable.${id}@example.com>`, subject },
        },
        metadata: { ...model.metadata, eventId: randomUUID(), correlationId: randomUUID() },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  return id;
}
