import { join } from 'node:path';
import type { CommandBus } from '@nestjs/cqrs';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { eventContracts } from '../../../event-contracts';
import type { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { handleCommand } from '../../../shared/application/handle-command';
import type { BlobStore } from '../../../shared/blobs/blob-store';
import type { AppConfig } from '../../../shared/config/app-config';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { testEvent } from '../../../shared/event-store/event-store.contract';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import { SqliteEventStore } from '../../../shared/event-store/sqlite.event-store';
import type { ProcessManagerContext } from '../../../shared/projections/projection';
import { openSqlite, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { InboundMailAccepted } from '../../inbound-mail/contract';
import { DIRECTORY_EVENT_TYPES } from '../domain/thread-directory';
import { ThreadDirectory } from './thread-directory';
import { ThreadInboundMail } from './thread-inbound-mail.process-manager';

const accountId = 'acc-crash';

/** Carla's mail to the support address; `reply` makes it answer another one of hers. */
function accepted(inboundId: string, reply?: string, threadIndex: string | null = null): InboundMailAccepted['data'] {
  return {
    inboundId,
    accountId,
    recipients: ['support@acme.inbox.test'],
    via: 'smtp',
    raw: { hash: `raw-${inboundId}`, size: 1 },
    receivedAt: '2026-12-01T10:00:00.000Z',
    receivedWhileDisabled: false,
    mail: {
      messageId: `<${inboundId}@example.com>`,
      inReplyTo: reply ? [`<${reply}@example.com>`] : [],
      references: [],
      threadIndex,
      from: { name: 'Carla', address: 'carla@example.com' },
      replyTo: [],
      to: [{ name: '', address: 'support@acme.inbox.test' }],
      cc: [],
      subject: reply ? 'Re: Zip' : 'Zip',
      sentAt: null,
      text: null,
      html: null,
      replyText: 'hello',
      attachments: [],
      omitted: [],
      kind: 'mail',
      bouncedMessageId: null,
      providerConfirmation: null,
    },
  };
}

/** The threading manager on its own, its appends failing while `crashing` is set (as if the process died before them). */
function threading(store: SqliteEventStore, db: SqliteDatabase, crashing: { on: boolean }): ThreadInboundMail {
  const eventSourcing = {
    store,
    decide: (...args: Parameters<EventSourcing['decide']>) => {
      if (crashing.on) return Promise.reject(new Error('the process died before the append'));
      const [stream, decider, command, context] = args;
      return handleCommand(store, eventContracts, stream, decider, command, context, undefined);
    },
  } as unknown as EventSourcing;
  const commands = { execute: () => Promise.resolve() } as unknown as CommandBus;
  const blobs = { get: () => Promise.resolve(Buffer.alloc(0)) } as unknown as BlobStore;
  return new ThreadInboundMail(eventSourcing, commands, blobs, { inboxDomain: 'inbox.test' } as AppConfig, 's'.repeat(32), db);
}

const inTransaction = (db: SqliteDatabase): ProcessManagerContext => ({ saveWithCheckpoint: (write) => Promise.resolve(db.transaction(write)()) });

describe('threading after a crash', () => {
  const dir = makeTempDir('inbox-threading-crash-');
  afterAll(() => dir.cleanup());

  async function given(name: string) {
    const store = new SqliteEventStore(join(dir.path, `${name}.db`));
    const db = openSqlite(join(dir.path, `${name}-read-models.db`), { synchronous: 'NORMAL' });
    const mails: RecordedEvent[] = [];
    // The first mail answers the third, which arrives last (mail is not delivered in order), and
    // carries an Outlook Thread-Index: a replay that saw its own entries, or a later mail's, would
    // join a conversation instead of starting its own.
    const threadIndex = Buffer.alloc(27, 3).toString('base64');
    for (const data of [accepted(`${name}-1`, `${name}-3`, threadIndex), accepted(`${name}-2`, `${name}-1`), accepted(`${name}-3`)]) {
      await store.appendToStream(`inboundmail-${data.inboundId}`, [testEvent('InboundMailAccepted', data)], { expectedRevision: 'no_stream' });
    }
    mails.push(...(await store.readAll()));
    return { store, db, mails };
  }

  /** Each conversation's mails, and what it is linked to. */
  async function conversationsOf(store: SqliteEventStore): Promise<Map<string, { mails: string[]; linkedTo?: string | null }>> {
    const byConversation = new Map<string, { mails: string[]; linkedTo?: string | null }>();
    for (const event of await store.readAll()) {
      const { conversationId } = event.data as { conversationId: string };
      const conversation = byConversation.get(conversationId) ?? { mails: [] };
      if (event.type === 'ConversationStarted') conversation.linkedTo = (event.data as { linkedTo: string | null }).linkedTo;
      if (event.type === 'MessageReceived') conversation.mails.push((event.data as { message: { messageId: string } }).message.messageId);
      if (event.type === 'ConversationStarted' || event.type === 'MessageReceived') byConversation.set(conversationId, conversation);
    }
    return byConversation;
  }

  it('decides the same when the directory was written but the appends were not', async () => {
    // Given three mails, handled in one batch up to their directory entries, then a crash
    const { store, db, mails } = await given('unappended');
    const crashing = { on: true };
    await expect(threading(store, db, crashing).handleBatch(mails, inTransaction(db))).rejects.toThrow('the process died');
    expect(new ThreadDirectory(db).snapshot().keys.length).toBeGreaterThan(0);

    // When a new process hands the same batch over again (without forgetting anything first)
    crashing.on = false;
    const manager = threading(store, db, crashing);
    await manager.handleBatch(mails, inTransaction(db));

    // Then each decides as it would have the first time: the first and the third start a
    // conversation each, the second joins the first's
    expect(await conversationsOf(store)).toEqual(
      new Map([
        [deterministicId('conversation', 'unappended-1'), { mails: ['unappended-1', 'unappended-2'], linkedTo: null }],
        [deterministicId('conversation', 'unappended-3'), { mails: ['unappended-3'], linkedTo: null }],
      ]),
    );

    // And once the conversation events are folded in too, a directory built from the log says the same
    await manager.handleBatch((await store.readAll()).filter((event) => (DIRECTORY_EVENT_TYPES as readonly string[]).includes(event.type)), inTransaction(db));
    const rebuilt = new ThreadDirectory(openSqlite(join(dir.path, 'unappended-rebuilt.db'), { synchronous: 'NORMAL' }));
    await rebuilt.buildFrom(store);
    expect(rebuilt.snapshot()).toEqual(new ThreadDirectory(db).snapshot());
    db.close();
    await store.close();
  });

  it('appends nothing twice when the appends were done but the checkpoint was not saved', async () => {
    // Given the batch handled in full, its conversation events folded in, and no checkpoint saved
    const { store, db, mails } = await given('unsaved');
    const manager = threading(store, db, { on: false });
    await manager.handleBatch(mails, inTransaction(db));
    const once = await store.readAll();
    await manager.handleBatch(once.filter((event) => (DIRECTORY_EVENT_TYPES as readonly string[]).includes(event.type)), inTransaction(db));

    // When the same batch comes again
    await threading(store, db, { on: false }).handleBatch(mails, inTransaction(db));

    // Then the log holds what it held
    expect(await store.readAll()).toHaveLength(once.length);
    expect(await conversationsOf(store)).toEqual(
      new Map([
        [deterministicId('conversation', 'unsaved-1'), { mails: ['unsaved-1', 'unsaved-2'], linkedTo: null }],
        [deterministicId('conversation', 'unsaved-3'), { mails: ['unsaved-3'], linkedTo: null }],
      ]),
    );
    db.close();
    await store.close();
  });

  it('builds its directory from the log first when its database has none (an upgrade, a restore)', async () => {
    // Given three mails threaded, and then a read-model database without a directory
    const { store, db, mails } = await given('restored');
    await threading(store, db, { on: false }).handleBatch(mails, inTransaction(db));
    db.close();
    const restored = openSqlite(join(dir.path, 'restored-new-read-models.db'), { synchronous: 'NORMAL' });

    // When another reply to the first mail comes
    const data = accepted('restored-4', 'restored-1');
    await store.appendToStream('inboundmail-restored-4', [testEvent('InboundMailAccepted', data)], { expectedRevision: 'no_stream' });
    const [reply] = (await store.readAll()).filter((event) => event.streamId === 'inboundmail-restored-4');
    await threading(store, restored, { on: false }).handleBatch([reply], inTransaction(restored));

    // Then it joins the first mail's conversation
    expect((await conversationsOf(store)).get(deterministicId('conversation', 'restored-1'))).toEqual({
      mails: ['restored-1', 'restored-2', 'restored-4'],
      linkedTo: null,
    });
    expect(new ThreadDirectory(restored).isBuilt()).toBe(true);
    restored.close();
    await store.close();
  });
});
