// npm run bench:inbox: an inbox of BENCH_MESSAGES messages in BENCH_CONVERSATIONS conversations of one
// account (default 1,000,000 in 100,000), most of them tagged (40 tags, a long tail), appended straight
// through the event store port; then every registered projection rebuilt from the log (events/s), then
// the first inbox page (all, open, filtered by a tag) and searches of varied words and of tag names
// measured through real HTTP on the Nest app, signed in (p50/p95).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { createApiApp } from '../src/app.factory';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/shared/config/app-config';
import { deterministicId } from '../src/shared/domain/deterministic-id';
import type { EventToAppend } from '../src/shared/event-store/event-store.port';
import { SqliteEventStore } from '../src/shared/event-store/sqlite.event-store';
import { SubscriptionsService } from '../src/shared/projections/subscriptions.service';
import { openSqlite } from '../src/shared/sqlite/open-sqlite';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const IN_FLIGHT = 64;
const PASSWORD = 'correct horse battery';
const SNOOZED_UNTIL = new Date(Date.now() + 180 * 86_400_000).toISOString();

// A fixed seed: every run indexes the same text and asks the same questions.
let seed = 0x5eed;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
// Tags draw from their own sequence, so the messages' text stays what earlier runs indexed.
let tagSeed = 0x7a95;
function tagRandom(): number {
  tagSeed = (tagSeed + 0x6d2b79f5) | 0;
  let t = Math.imul(tagSeed ^ (tagSeed >>> 15), 1 | tagSeed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
/** The account's tags, most used first: drawn with weight 1/rank, so "Billing" is on about one conversation in five and the last on one in 400. */
const TAGS = (
  'Billing,Shipping,Refund,VIP,Bug,Returns,Feature request,Urgent,Invoice,Login,Damaged,Missing item,Exchange,Wholesale,Press,' +
  'Partnership,Warranty,Subscription,Cancellation,Discount,Payment failed,Address change,Gift card,Size,Color,App,Website,Checkout,' +
  'Tracking,Customs,Complaint,Feedback,Spam,Legal,GDPR,Account,Password,Newsletter,Affiliate,Other'
).split(',');
const TAG_WEIGHTS = TAGS.map((_, rank) => 1 / (rank + 1));
const TAG_WEIGHT_TOTAL = TAG_WEIGHTS.reduce((sum, w) => sum + w, 0);
const tagIdOf = (name: string) => deterministicId('bench-tag', name);
function drawTag(): string {
  let r = tagRandom() * TAG_WEIGHT_TOTAL;
  for (let i = 0; i < TAGS.length; i++) if ((r -= TAG_WEIGHTS[i]) <= 0) return TAGS[i];
  return TAGS[TAGS.length - 1];
}
/** A conversation's tags: none for 40%, one for 35%, two or three for the rest. */
function drawTags(): string[] {
  const r = tagRandom();
  const count = r < 0.4 ? 0 : r < 0.75 ? 1 : r < 0.93 ? 2 : 3;
  const tags = new Set<string>();
  while (tags.size < count) tags.add(drawTag());
  return [...tags];
}

const COMMON = (
  'the a to and i you my is it for of in on have not this that with was order be can please me your we hi hello thanks ' +
  'thank would like know when will there what but could just get help still received delivery package shipping refund ' +
  'return account password invoice payment card charged twice cancel subscription update address email phone number ' +
  'item product size color wrong missing damaged broken arrived yet week days tracking status support team issue problem ' +
  'question soon asap possible again already sent reply waiting urgent login error app website checkout discount code price'
).split(' ');
const SYLLABLES = 'ka lo mi ra ne tu sa vo pe li da mo ri ze bu fa go hi ja ku'.split(' ');
// Rarer words (product names, places, codes): 4,000 made-up words drawn with a long tail.
const RARE = Array.from({ length: 4000 }, (_, i) => SYLLABLES[i % 20] + SYLLABLES[Math.floor(i / 20) % 20] + SYLLABLES[Math.floor(i / 400) % 20] + (i % 3 === 0 ? 'x' : ''));
const FIRST = 'Anna Ben Carla Dan Eve Finn Gina Hugo Ida Jonas Kim Lea Max Nora Omar Pia Quinn Rosa Sam Tara Uli Vera Will Xena Yuri Zoe'.split(' ');
const LAST = 'Meyer Novak Rossi Dubois Smith Garcia Kowalski Jensen Silva Nguyen Weber Fischer Martin Costa Moreau Bauer Klein Wolf'.split(' ');

function word(): string {
  return random() < 0.8 ? pick(COMMON) : RARE[Math.floor(RARE.length * random() ** 2)];
}
function sentence(chars: number): string {
  const words: string[] = [];
  for (let length = 0; length < chars; length += words[words.length - 1].length + 1) words.push(word());
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function envelope(accountId: string, type: string, data: unknown, occurredAt: string): EventToAppend {
  return {
    type,
    data,
    metadata: { eventId: randomUUID(), accountId, actor: { system: 'bench' }, correlationId: randomUUID(), causationId: null, occurredAt, schemaVersion: 1 },
  };
}

interface Append {
  stream: string;
  events: EventToAppend[];
}

/** One conversation's stream (and its contact's, the first time), as intake, threading and agents would have written them. */
function conversationAppends(accountId: string, ownerId: string, forwarding: string, n: number, messages: number, contactsSeen: Set<number>): Append[] {
  const contactNumber = Math.floor(random() * CONVERSATIONS * 0.6);
  const name = `${FIRST[contactNumber % FIRST.length]} ${LAST[Math.floor(contactNumber / FIRST.length) % LAST.length]}`;
  const email = `${name.toLowerCase().replace(' ', '.')}${contactNumber}@example.com`;
  const contact = { id: deterministicId('contact', accountId, email), email, name };
  const appends: Append[] = [];
  const startedAt = Date.UTC(2025, 0, 1) + Math.floor(random() * 330 * 86_400_000);
  if (!contactsSeen.has(contactNumber)) {
    contactsSeen.add(contactNumber);
    appends.push({
      stream: `contact-${contact.id}`,
      events: [envelope(accountId, 'ContactCreated', { contactId: contact.id, accountId, email, name, source: 'email' }, new Date(startedAt).toISOString())],
    });
  }
  const conversationId = deterministicId('bench-conversation', String(n));
  const subject = `${sentence(20 + Math.floor(random() * 30)).slice(0, -1)}`;
  let at = startedAt;
  const events: EventToAppend[] = [];
  for (let m = 0; m < messages; m++) {
    const receivedAt = new Date(at).toISOString();
    const message = {
      messageId: deterministicId('bench-message', String(n), String(m)),
      internetMessageId: `<bench.${n}.${m}@mail.example.com>`,
      references: m === 0 ? [] : [`<bench.${n}.${m - 1}@mail.example.com>`],
      threadIndex: null,
      from: { name, address: email },
      to: [{ name: '', address: forwarding }],
      cc: [],
      subject: m === 0 ? subject : `Re: ${subject}`,
      sentAt: receivedAt,
      receivedAt,
      kind: 'mail',
      text: { hash: deterministicId('text', String(n), String(m)).replace(/-/g, ''), size: 900 },
      html: null,
      replyText: sentence(170 + Math.floor(random() * 60)),
      attachments: [],
      omitted: [],
      receivedWhileDisabled: false,
    };
    if (m === 0) {
      events.push(
        envelope(
          accountId,
          'ConversationStarted',
          { conversationId, accountId, channel: 'email', subject, contact, participants: [email], replyToken: `c${conversationId.replace(/-/g, '').slice(0, 20)}`, linkedTo: null, startedAt: receivedAt },
          receivedAt,
        ),
      );
    }
    events.push(envelope(accountId, 'MessageReceived', { conversationId, accountId, message, newParticipants: [] }, receivedAt));
    at += Math.floor(random() * 3 * 86_400_000);
  }
  const last = new Date(at).toISOString();
  const tags = drawTags();
  if (tags.length > 0) events.push(envelope(accountId, 'ConversationTagsChanged', { conversationId, accountId, added: tags.map(tagIdOf), removed: [] }, last));
  if (random() < 0.2) events.push(envelope(accountId, 'ConversationAssigned', { conversationId, accountId, assigneeId: ownerId }, last));
  if (random() < 0.6) events.push(envelope(accountId, 'ConversationClosed', { conversationId, accountId }, last));
  // About a tenth of the open ones are snoozed, until well after the run (chosen by n: the random sequence stays as it was).
  else if (n % 10 === 3) events.push(envelope(accountId, 'ConversationSnoozed', { conversationId, accountId, until: SNOOZED_UNTIL, by: ownerId }, last));
  appends.push({ stream: `conversation-${conversationId}`, events });
  return appends;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-bench-inbox-'));
  const config = loadConfig({ DATA_DIR: dir, SMTP_PORT: '0', INBOX_DOMAIN: 'inbox.test' });
  const rows: Array<[string, string, string]> = [];
  const report = (label: string, value: string, note: string) => {
    rows.push([label, value, note]);
    if (process.env.BENCH_PROGRESS) process.stdout.write(`${new Date().toISOString()} ${label}: ${value} (${note}) heap ${fmt(process.memoryUsage().heapUsed / 1e6)} MB\n`);
  };
  try {
    // 1. An account, opened the ordinary way.
    const email = `bench.${Date.now()}@example.com`;
    let app = await createApiApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    let base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
    const opened = await fetch(`${base}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountName: 'Bench', ownerName: 'Bea Bench', email, password: PASSWORD, plan: 'trial' }),
    });
    const { accountId, userId } = (await opened.json()) as { accountId: string; userId: string };
    await app.close();

    // 2. The inbox's events, appended in batches through the port (concurrent appends share commits).
    const store = new SqliteEventStore(join(dir, 'inbox.db'));
    const contactsSeen = new Set<number>();
    const perConversation = Math.floor(MESSAGES / CONVERSATIONS);
    const extra = MESSAGES - perConversation * CONVERSATIONS;
    let appended = 0;
    const append = await timed(async () => {
      const catalogue = TAGS.map((name) => envelope(accountId, 'TagCreated', { accountId, tagId: tagIdOf(name), name }, new Date(Date.UTC(2025, 0, 1)).toISOString()));
      await store.appendToStream(`tagcatalogue-${accountId}`, catalogue, { expectedRevision: 'no_stream' });
      appended += catalogue.length;
      let pending: Array<Promise<unknown>> = [];
      for (let n = 0; n < CONVERSATIONS; n++) {
        for (const { stream, events } of conversationAppends(accountId, userId, 'support@bench.inbox.test', n, perConversation + (n < extra ? 1 : 0), contactsSeen)) {
          appended += events.length;
          pending.push(store.appendToStream(stream, events, { expectedRevision: 'no_stream' }));
        }
        if (pending.length >= IN_FLIGHT) {
          await Promise.all(pending);
          pending = [];
        }
      }
      await Promise.all(pending);
    });
    const head = await store.headPosition();
    await store.close();
    report('events appended', fmt(appended), `${fmt(CONVERSATIONS)} conversations, ${fmt(MESSAGES)} messages, ${fmt(contactsSeen.size)} contacts, ${fmt(appended / append.seconds)} events/s`);

    // 3. Every registered projection dropped and replayed from the log.
    const progress = process.env.BENCH_PROGRESS
      ? setInterval(() => process.stdout.write(`${new Date().toISOString()} heap ${fmt(process.memoryUsage().heapUsed / 1e6)} MB\n`), 10_000)
      : undefined;
    const context = await NestFactory.createApplicationContext(AppModule.forRoot({ config, runSubscriptions: false }), { logger: ['warn', 'error'] });
    const rebuilt = await timed(() => context.get(SubscriptionsService).rebuildProjections());
    await context.close();
    for (const { name, events, seconds } of rebuilt.result) report(`rebuild ${name}`, `${fmt(events / seconds)} events/s`, `${fmt(events)} events in ${seconds.toFixed(1)} s`);
    const replayed = rebuilt.result.reduce((sum, r) => sum + r.events, 0);
    report('rebuild, all projections', `${fmt(replayed / rebuilt.seconds)} events/s`, `${rebuilt.result.length} projections, ${rebuilt.seconds.toFixed(1)} s`);

    clearInterval(progress);

    // 4. The app as it serves, signed in. The bulk stands for what intake, threading and contact
    // creation would have written: the process managers have nothing to do for it, so they start past it.
    const db = openSqlite(join(dir, 'read-models.db'), { synchronous: 'NORMAL' });
    db.prepare('UPDATE subscription_checkpoints SET position = ? WHERE CAST(position AS INTEGER) < ?').run(String(head), head);
    db.close();
    app = await createApiApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    await app.get(SubscriptionsService).settle(head, 60_000);
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const get = async (path: string): Promise<{ ms: number; body: { items: unknown[]; counts: { open: number; closed: number; snoozed: number } } }> => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = (await response.json()) as { items: unknown[]; counts: { open: number; closed: number; snoozed: number } };
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, body };
    };
    const measure = async (label: string, paths: string[]) => {
      for (const path of paths.slice(0, 20)) await get(path); // warm-up
      const samples: number[] = [];
      const slowest: Array<[number, string]> = [];
      let found = 0;
      for (const path of paths) {
        const { ms, body } = await get(path);
        samples.push(ms);
        slowest.push([ms, decodeURIComponent(/(?:q|tag)=([^&]*)/.exec(path)?.[1] ?? '')]);
        found += body.items.length;
      }
      if (process.env.BENCH_SLOWEST) process.stdout.write(`${label} slowest: ${JSON.stringify(slowest.sort((a, b) => b[0] - a[0]).slice(0, 12))}\n`);
      report(label, `p95 ${percentile(samples, 95).toFixed(1)} ms`, `p50 ${percentile(samples, 50).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms, ${paths.length} requests, ${(found / paths.length).toFixed(1)} items each`);
    };
    const first = await get('/conversations?status=');
    const { open, closed, snoozed } = first.body.counts;
    report('inbox size seen by the API', fmt(open + closed + snoozed), `open ${fmt(open)}, snoozed ${fmt(snoozed)}, closed ${fmt(closed)}`);
    await measure('first inbox page (all)', Array.from({ length: REQUESTS }, () => '/conversations?status='));
    await measure('first inbox page (open)', Array.from({ length: REQUESTS }, () => '/conversations?status=open'));
    await measure('first inbox page (snoozed)', Array.from({ length: REQUESTS }, () => '/conversations?status=snoozed'));
    const queries = Array.from({ length: REQUESTS }, (_, i) => {
      const kind = i % 5;
      const q =
        kind === 0 ? pick(COMMON) // a common word, whole
          : kind === 1 ? RARE[Math.floor(random() * RARE.length)] // a rare word
            : kind === 2 ? pick(RARE).slice(0, 4) // a prefix, as typed
              : kind === 3 ? `${pick(COMMON)} ${pick(RARE)}` // two words
                : pick(LAST); // a contact's name
      return `/conversations?status=&q=${encodeURIComponent(q)}`;
    });
    await measure('search', queries);
    await measure('search (open)', queries.map((path) => path.replace('status=&', 'status=open&')));
    // Tags as agents use them: half the filters on the five most used tags, half on the long tail.
    const tagged = Array.from({ length: REQUESTS }, (_, i) => encodeURIComponent(i % 2 === 0 ? TAGS[i % 5] : TAGS[5 + (i % (TAGS.length - 5))]));
    await measure('inbox filtered by tag (all)', tagged.map((tag) => `/conversations?status=&tag=${tag}`));
    await measure('inbox filtered by tag (open)', tagged.map((tag) => `/conversations?status=open&tag=${tag}`));
    // A tag's name as typed into the search: whole, or its beginning.
    await measure('search by tag name', tagged.map((tag, i) => `/conversations?status=&q=${i % 3 === 0 ? decodeURIComponent(tag).slice(0, 4) : tag}`));
    await app.close();
  } finally {
    if (process.env.BENCH_KEEP) process.stdout.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  for (const [label, value, note] of rows) process.stdout.write(`${label.padEnd(width)}  ${value.padStart(valueWidth)}  ${note}\n`);
  process.stdout.write('targets: list p95 < 20 ms, search p95 < 100 ms, rebuild >= 20,000 events/s\n');
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
