// npm run bench:eventstore: durable append throughput (1 writer; 8 concurrent writers, group
// committed), readAll throughput and projection rebuild throughput of the embedded SQLite store.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend } from '../src/shared/event-store/event-store.port';
import { SqliteEventStore } from '../src/shared/event-store/sqlite.event-store';
import { ProjectionRunner } from '../src/shared/projections/projection.runner';
import type { Projection } from '../src/shared/projections/projection';
import { openSqlite } from '../src/shared/sqlite/open-sqlite';

const APPENDS_ONE_WRITER = Number(process.env.BENCH_APPENDS ?? 5_000);
const APPENDS_PER_WRITER = Number(process.env.BENCH_APPENDS_PER_WRITER ?? 5_000);
const LOG_SIZE = Number(process.env.BENCH_LOG_SIZE ?? 300_000);

function event(type: string, data: Record<string, unknown>): EventToAppend {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      accountId: 'acc-bench',
      actor: { userId: 'user-bench', role: 'agent' },
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

function messageEvent(conversation: number, n: number): EventToAppend {
  return event('MessageReceived', {
    conversationId: `c${conversation}`,
    from: `customer${conversation}@example.com`,
    subject: `Order #${conversation} question`,
    preview: 'Hello, I have a question about my order and would like to know when it ships.'.slice(0, 40 + (n % 40)),
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** An inbox-like read model: one row per conversation, updated by each message. */
const inboxProjection: Projection = {
  name: 'bench-inbox',
  version: 1,
  setUp: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS bench_inbox (
      conversation_id TEXT PRIMARY KEY, subject TEXT, preview TEXT, messages INTEGER, last_position INTEGER)`),
  tearDown: (db) => db.exec('DROP TABLE IF EXISTS bench_inbox'),
  apply: (recorded, db) => {
    const data = recorded.data as { conversationId: string; subject: string; preview: string };
    db.prepare(
      `INSERT INTO bench_inbox VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET preview = excluded.preview, messages = messages + 1,
         last_position = excluded.last_position`,
    ).run(data.conversationId, data.subject, data.preview, Number(recorded.position));
  },
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-bench-'));
  const file = join(dir, 'inbox.db');
  const store = new SqliteEventStore(file);
  const rows: Array<[string, string, string]> = [];
  try {
    const one = await timed(async () => {
      for (let i = 0; i < APPENDS_ONE_WRITER; i++) {
        await store.appendToStream('conversation-solo', [messageEvent(0, i)], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
      }
    });
    rows.push(['durable appends/s, 1 writer', fmt(APPENDS_ONE_WRITER / one.seconds), `${APPENDS_ONE_WRITER} appends, fsync each`]);

    const eight = await timed(() =>
      Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let i = 0; i < APPENDS_PER_WRITER; i++) {
            await store.appendToStream(`conversation-w${w}`, [messageEvent(w + 1, i)], {
              expectedRevision: i === 0 ? 'no_stream' : i - 1,
            });
          }
        }),
      ),
    );
    rows.push(['durable appends/s, 8 writers', fmt((8 * APPENDS_PER_WRITER) / eight.seconds), `${8 * APPENDS_PER_WRITER} appends, group commit`]);

    // Fill the log to LOG_SIZE events quickly (100 events per append) for the read measurements.
    let written = APPENDS_ONE_WRITER + 8 * APPENDS_PER_WRITER;
    for (let batch = 0; written < LOG_SIZE; batch++) {
      const size = Math.min(100, LOG_SIZE - written);
      await store.appendToStream(`conversation-fill${batch % 10_000}`, Array.from({ length: size }, (_, i) => messageEvent(batch % 10_000, i)), {
        expectedRevision: 'any',
      });
      written += size;
    }

    const read = await timed(async () => {
      let count = 0;
      for (let page = await store.readAll({ maxCount: 1000 }); page.length > 0; ) {
        count += page.length;
        page = await store.readAll({ fromPosition: page[page.length - 1].position + 1n, maxCount: 1000 });
      }
      return count;
    });
    rows.push(['readAll events/s', fmt(read.result / read.seconds), `${read.result} events, pages of 1000`]);

    const db = openSqlite(file, { synchronous: 'NORMAL' });
    const rebuild = await timed(() => new ProjectionRunner(store, db, inboxProjection).rebuild());
    rows.push(['projection rebuild events/s', fmt(rebuild.result / rebuild.seconds), `${rebuild.result} events into an inbox-like table`]);
    db.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`SqliteEventStore (synchronous=FULL, WAL) in ${tmpdir()}\n`);
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(width)}  ${value.padStart(10)}  (${note})\n`);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

void main();
