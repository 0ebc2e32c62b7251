import { resolve } from 'node:path';
import request from 'supertest';
import type { InboundMailAccepted, InboundMailFailed } from '../src/contexts/inbound-mail/domain/inbound-mail.events';
import { BLOB_STORE, type BlobStore } from '../src/shared/blobs/blob-store';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../src/shared/event-store/event-store.port';
import { READ_MODEL_DB } from '../src/shared/event-store/event-store.module';
import { openSqlite, type SqliteDatabase } from '../src/shared/sqlite/open-sqlite';
import { ThreadDirectory } from '../src/contexts/conversations/application/thread-directory';
import { makeTempDir } from './support/temp-dir';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import {
  corpusMessages,
  expectedChecks,
  expectedKind,
  KIND_EXCEPTIONS,
  KNOWN_DIFFERENCES,
  loadCorpus,
  mapLimit,
  type CorpusEntry,
  type ParsedView,
} from './support/corpus';
import { sendRaw, simpleMail, type SmtpAnswer } from './support/smtp-client';
import { waitUntilSettled, whereUsersSee } from './support/inbox-view';

/**
 * Every message of the real-world corpus (test/fixtures/corpus) goes through a real SMTP
 * conversation into the app, into one account: the server must answer each, and each must end as
 * an accepted or a failed mail, parsed like the corpus's own expected outputs say where it ships
 * them, and shown where people look (a conversation, or the failed-mail queue with a reason).
 */

// A copy of the project's shared test corpus (real mails from mail libraries' test suites, with
// their licenses), kept in the repository so that a clean clone tests the same messages.
const CORPUS_DIR = resolve(__dirname, 'fixtures', 'corpus');
const MAX_MESSAGE_BYTES = 30_000_000;
const CONCURRENCY = 4;

interface Outcome {
  entry: CorpusEntry;
  size: number;
  answer: SmtpAnswer;
  inboundId: string | null;
  events: RecordedEvent[];
  /** For an accepted mail: what was parsed, bodies read from the blob store. */
  view: ParsedView | null;
}

let api: TestApi | undefined;
let address: string;
let admin: Awaited<ReturnType<typeof signUp>>['agent'];
let outcomes: Outcome[];

beforeAll(async () => {
  const entries = loadCorpus(CORPUS_DIR); // throws, failing every test below, when the corpus is missing
  const messages = corpusMessages(entries, CORPUS_DIR);
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) });
  const owner = await signUp(api);
  admin = owner.agent;
  const claim = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `corpus${Date.now().toString(36)}` });
  if (claim.status >= 300) throw new Error(`could not claim a forwarding address: ${claim.status} ${JSON.stringify(claim.body)}`);
  address = claim.body.address as string;

  const answers = await mapLimit(messages, CONCURRENCY, (raw) => sendRaw((api as TestApi).smtpPort, address, raw));

  const store = api.app.get<EventStore>(EVENT_STORE);
  const blobs = api.app.get<BlobStore>(BLOB_STORE);
  const body = async (part: { hash: string } | null) => (part ? (await blobs.get(part.hash)).toString('utf8') : '');
  outcomes = await Promise.all(
    entries.map(async (entry, index): Promise<Outcome> => {
      const answer = answers[index];
      const inboundId = answer.code === 250 ? (/Message stored as (\S+)/.exec(answer.response)?.[1] ?? null) : null;
      const events = inboundId ? await store.readStream(`inboundmail-${inboundId}`) : [];
      const accepted = events[0]?.type === 'InboundMailAccepted' ? (events[0].data as InboundMailAccepted['data']) : null;
      const view = accepted ? { mail: accepted.mail, text: await body(accepted.mail.text), html: await body(accepted.mail.html) } : null;
      return { entry, size: messages[index].length, answer, inboundId, events, view };
    }),
  );
}, 120_000);

afterAll(() => api?.close());

describe('the real-world corpus over SMTP', () => {
  it('answers every message with 250 (552 only above MAX_MESSAGE_BYTES) and keeps serving', async () => {
    const wrong = outcomes
      .filter(({ size, answer, inboundId }) => {
        const expected = size > MAX_MESSAGE_BYTES ? 552 : 250;
        return answer.code !== expected || (expected === 250 && !inboundId);
      })
      .map(({ entry, answer }) => `${entry.path}: ${answer.code} ${answer.response}`);
    expect(wrong).toEqual([]);

    const health = await request((api as TestApi).app.getHttpServer()).get('/api/health');
    expect(health.body.smtp).toEqual({ up: true, port: (api as TestApi).smtpPort });
    const after = await sendRaw((api as TestApi).smtpPort, address, simpleMail({ to: address, subject: 'After the corpus' }));
    expect(after).toMatchObject({ ok: true, code: 250 });
  });

  it('records each message as InboundMailAccepted, or InboundMailFailed with a reason, in inboundmail-<id>', () => {
    const wrong: string[] = [];
    for (const { entry, inboundId, events } of outcomes.filter((o) => o.inboundId)) {
      // Later events (threading may mark an accepted mail unrouted) may follow; the intake's outcome is one, and first.
      const outcome = events.filter((e) => e.type === 'InboundMailAccepted' || e.type === 'InboundMailFailed');
      const [first] = events;
      if (outcome.length !== 1 || outcome[0] !== first) {
        wrong.push(`${entry.path}: inboundmail-${inboundId} holds ${events.map((e) => e.type).join(', ') || 'nothing'}`);
      } else if (first.type === 'InboundMailAccepted') {
        const data = first.data as InboundMailAccepted['data'];
        if (data.inboundId !== inboundId || !data.mail) wrong.push(`${entry.path}: accepted without its id or parsed mail`);
      } else {
        const { reason } = first.data as InboundMailFailed['data'];
        if (typeof reason !== 'string' || reason.trim() === '') wrong.push(`${entry.path}: failed without a reason`);
      }
    }
    expect(wrong).toEqual([]);
    // Each file was its own message (none taken for a duplicate of another).
    const ids = outcomes.map((o) => o.inboundId).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('parses messages like the expected outputs the corpus ships', () => {
    const wrong: string[] = [];
    const ran = new Set<string>();
    for (const { entry, events, view } of outcomes) {
      if (!view) {
        if (entry.expectedOutputs.length > 0 || entry.bodyOnly) wrong.push(`${entry.path}: not parsed (${events[0]?.type ?? 'no event'})`);
        continue;
      }
      for (const { name, ok, detail } of expectedChecks(entry, view, CORPUS_DIR)) {
        ran.add(`${entry.path} ${name}`);
        if (!ok && !(`${entry.path} ${name}` in KNOWN_DIFFERENCES)) wrong.push(`${entry.path} ${name}: ${detail}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every documented difference names a comparison that exists.
    expect(Object.keys(KNOWN_DIFFERENCES).filter((key) => !ran.has(key))).toEqual([]);
    expect(ran.size).toBeGreaterThan(0);
  });

  it('shows every accepted message in a conversation or in the failed-mail queue with a reason, and health is 200 with nothing stuck', async () => {
    const settled = await waitUntilSettled(api as TestApi);
    expect(settled.status).toBe(200);
    const { inConversation, failed } = await whereUsersSee(admin);
    const missing: string[] = [];
    let shown = 0;
    for (const { entry, inboundId, events } of outcomes.filter((o) => o.inboundId)) {
      const id = inboundId as string;
      const kind = events[0]?.type === 'InboundMailAccepted' ? (events[0].data as InboundMailAccepted['data']).mail.kind : null;
      // Our own mail coming back and a provider's forwarding confirmation are handled, never shown as conversations.
      if (kind === 'loop' || kind === 'provider-confirmation') continue;
      const failure = failed.get(id);
      if (inConversation.has(id)) shown += 1;
      else if (failure && failure.reason?.trim()) shown += 1;
      else missing.push(`${entry.path} (${id}, ${events.map((e) => e.type).join(', ')}): ${failure ? 'failed without a reason' : 'in no conversation and not in failed mail'}`);
    }
    expect(missing).toEqual([]);
    expect(shown).toBeGreaterThan(100);
    expect((await waitUntilSettled(api as TestApi)).status).toBe(200);
  }, 60_000);

  it("rebuilds threading's directory from the log into an empty one that agrees with the live one entry for entry", async () => {
    // Given the corpus threaded and every subscription caught up
    await waitUntilSettled(api as TestApi);
    const live = new ThreadDirectory((api as TestApi).app.get<SqliteDatabase>(READ_MODEL_DB)).snapshot();

    // When the log is folded into a directory of its own
    const dir = makeTempDir('inbox-directory-rebuild-');
    const db = openSqlite(`${dir.path}/rebuilt.db`, { synchronous: 'NORMAL' });
    try {
      const rebuilt = new ThreadDirectory(db);
      await rebuilt.buildFrom((api as TestApi).app.get<EventStore>(EVENT_STORE));

      // Then both hold the same keys, participants and contacts
      expect(live.keys.length).toBeGreaterThan(100);
      expect(rebuilt.snapshot()).toEqual(live);
    } finally {
      db.close();
      dir.cleanup();
    }
  });

  it('classifies bounces as bounce and auto-replies as auto-reply', () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const { entry, view } of outcomes) {
      const kind = expectedKind(entry);
      if (!kind || !view) continue;
      compared += 1;
      if (view.mail.kind !== kind) wrong.push(`${entry.path} (${entry.category}): ${view.mail.kind}, expected ${kind}`);
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(0);
    const paths = new Set(outcomes.map((o) => o.entry.path));
    expect(Object.keys(KIND_EXCEPTIONS).filter((path) => !paths.has(path))).toEqual([]);
  });
});
