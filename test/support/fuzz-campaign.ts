import { resolve } from 'node:path';
import request from 'supertest';
import type { InboundMailAccepted } from '../../src/contexts/inbound-mail/domain/inbound-mail.events';
import { plusAddress } from '../../src/shared/domain/reply-address';
import { messageOf } from '../../src/shared/error-message';
import { READ_MODEL_DB } from '../../src/shared/event-store/event-store.module';
import { EVENT_STORE, positionFromString, type EventStore, type RecordedEvent } from '../../src/shared/event-store/event-store.port';
import type { Projection } from '../../src/shared/projections/projection';
import { projections as appProjections } from '../../src/projections';
import type { SqliteDatabase } from '../../src/shared/sqlite/open-sqlite';
import { signUp, type TestApi } from './api-app';
import { corpusMessages, loadCorpus, mapLimit } from './corpus';
import { eventually } from './eventually';
import { readHealth, stuckIn, waitUntilSettled, whereUsersSee } from './inbox-view';
import { fuzzCase, type CorpusMessage, type FuzzCase } from './mime-fuzzer';
import { sendExact } from './raw-smtp';
import { simpleMail } from './smtp-client';

const CORPUS_DIR = resolve(__dirname, '..', 'fixtures', 'corpus');
/** Above this a health check that should take milliseconds counts as a stall (generous: CI machines are shared). */
const STALL_MS = 5_000;

/** The corpus messages the fuzzer mutates (body-only files wrapped, as the corpus test sends them). */
export function fuzzCorpus(): CorpusMessage[] {
  const entries = loadCorpus(CORPUS_DIR);
  const messages = corpusMessages(entries, CORPUS_DIR);
  return entries.map((entry, index) => ({ path: entry.path, bytes: messages[index] }));
}

export interface CampaignFailure {
  /** The case number (replay it with the same seed), or null for a finding about the whole run. */
  case: number | null;
  name: string;
  problem: string;
}

export interface CampaignReport {
  seed: number;
  cases: number;
  /** SMTP answers by code ("none" when the server never answered). */
  answers: Record<string, number>;
  /** Where the accepted mails (distinct inbound ids) ended up, by place. */
  outcomes: Record<string, number>;
  sendMs: number;
  settleMs: number;
  /** The slowest /api/health answer while the cases were sent (and the cases then in flight), and the slowest SMTP answers. */
  slowest: { health: { ms: number; cases: string[] }; answers: Array<{ ms: number; case: string }> };
  bytesSent: number;
  failures: CampaignFailure[];
}

export interface CampaignOptions {
  seed: number;
  count: number;
  /** Only these case numbers (a replay); all of 0..count-1 when absent. */
  only?: number[];
  concurrency?: number;
  settleTimeoutMs?: number;
  /** Progress lines (a CLI prints them). */
  log?: (line: string) => void;
}

/**
 * Sends the cases over real SMTP to a fresh account of `api`, then checks what a user would: every
 * case answered (250, or a 5xx refusal), /api/health 200 with every subscription caught up and
 * none retrying or parked, every accepted case in a conversation or in the failed-mail queue with a
 * reason, and a normal mail sent afterwards in the inbox.
 */
export async function runCampaign(api: TestApi, options: CampaignOptions): Promise<CampaignReport> {
  const log = options.log ?? (() => undefined);
  const corpus = fuzzCorpus();
  const owner = await signUp(api);
  const claim = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'fuzz', subdomain: `fuzz${Date.now().toString(36)}` });
  if (claim.status >= 300) throw new Error(`could not claim a forwarding address: ${claim.status} ${JSON.stringify(claim.body)}`);
  const address = claim.body.address as string;
  const store = api.app.get<EventStore>(EVENT_STORE);

  const numbers = options.only ?? Array.from({ length: options.count }, (_, n) => n);
  const answers: Record<string, number> = {};
  const failures: CampaignFailure[] = [];
  /** Inbound id → the cases that produced it (a mutated message keeps its Message-ID, so several may). */
  const casesOf = new Map<string, number[]>();
  const names = new Map<number, string>();
  let bytesSent = 0;

  const inFlight = new Set<number>();
  const slowestAnswers: Array<{ index: number; ms: number }> = [];
  const health = pollHealth(api, inFlight);
  const started = Date.now();
  let done = 0;
  await mapLimit(numbers, options.concurrency ?? 4, async (index) => {
    const fuzz: FuzzCase = fuzzCase(options.seed, index, corpus);
    names.set(index, fuzz.name);
    bytesSent += fuzz.bytes.length;
    const recipient = fuzz.plus === undefined ? address : plusAddress(address, fuzz.plus);
    inFlight.add(index);
    const sendStarted = Date.now();
    const answer = await sendExact(api.smtpPort, recipient, fuzz.bytes, { timeoutMs: 60_000 });
    inFlight.delete(index);
    slowestAnswers.push({ index, ms: Date.now() - sendStarted });
    slowestAnswers.sort((a, b) => b.ms - a.ms).splice(3);
    const code = answer.code === null ? 'none' : String(answer.code);
    answers[code] = (answers[code] ?? 0) + 1;
    if (answer.code === 250) {
      const ids = /Message stored as (\S+)/.exec(answer.response)?.[1]?.split(',') ?? [];
      if (ids.length === 0) failures.push({ case: index, name: fuzz.name, problem: `250 without an id: ${answer.response}` });
      for (const id of ids) casesOf.set(id, [...(casesOf.get(id) ?? []), index]);
    } else if (answer.code === null || answer.code < 500) {
      // A 4xx asks the sender to try the same bytes again, which would fail again: only a clear refusal ends it.
      failures.push({ case: index, name: fuzz.name, problem: `answered ${code}: ${answer.response.slice(0, 300)}` });
    }
    done += 1;
    if (done % 500 === 0) log(`${done}/${numbers.length} cases sent (${Math.round((Date.now() - started) / 1000)} s)`);
  });
  const sendMs = Date.now() - started;
  const { slowestMs: slowestHealthMs, during } = await health.stop();
  const slowest = { health: { ms: slowestHealthMs, cases: during.map((n) => `${n} ${names.get(n)}`) }, answers: slowestAnswers.map((a) => ({ ms: a.ms, case: `${a.index} ${names.get(a.index)}` })) };

  // Seconds without an answer is a denial of service, whichever case caused it (one of those in flight).
  if (slowestHealthMs > STALL_MS) {
    failures.push({ case: during[0] ?? null, name: names.get(during[0]) ?? 'health', problem: `/api/health took ${slowestHealthMs} ms while cases ${during.join(', ')} were in flight` });
  }

  // Alive: it answers, SMTP listens. (200 may take a moment: the subscriptions catch up first.)
  const alive = await readHealth(api);
  if ((alive.body.smtp as { up?: boolean } | undefined)?.up !== true) failures.push({ case: null, name: 'alive', problem: `SMTP is not up after the cases: ${JSON.stringify(alive.body.smtp)}` });

  const settleStarted = Date.now();
  let stuck: CampaignFailure[] = [];
  try {
    await waitUntilSettled(api, options.settleTimeoutMs ?? 60_000);
  } catch (error) {
    stuck = await stuckSubscriptions(api, store, casesOf, names);
    // Not settled, yet no subscription to blame (parked events, a component down): say what health says.
    if (stuck.length === 0) stuck = [{ case: null, name: 'health', problem: (error as Error).message.slice(0, 500) }];
    failures.push(...stuck);
  }
  const settleMs = Date.now() - settleStarted;

  const { inConversation, failed } = await whereUsersSee(owner.agent);
  const unseen: CampaignFailure[] = [];
  const outcomes: Record<string, number> = {};
  const count = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
  for (const [id, cases] of casesOf) {
    if (inConversation.has(id)) {
      count('in a conversation');
      continue;
    }
    const failure = failed.get(id);
    if (failure?.reason?.trim()) {
      // Reasons carry details (sizes, names): the first words say which kind.
      count(`failed mail: ${failure.reason.split(/[:(]/)[0].slice(0, 60)}`);
      continue;
    }
    const events = await store.readStream(`inboundmail-${id}`);
    const accepted = events.find((e) => e.type === 'InboundMailAccepted')?.data as InboundMailAccepted['data'] | undefined;
    // Our own mail coming back and a provider's forwarding confirmation are handled, never shown as conversations.
    if (accepted && (accepted.mail.kind === 'loop' || accepted.mail.kind === 'provider-confirmation')) {
      count(`handled as ${accepted.mail.kind}`);
      continue;
    }
    const where = failure ? 'in failed mail without a reason' : 'in no conversation and not in failed mail';
    unseen.push({ case: cases[0], name: names.get(cases[0]) ?? '', problem: `${id} (${events.map((e) => e.type).join(', ') || 'no event'}) is ${where}` });
  }
  // Behind a stuck subscription every later mail is unseen too: one line says how many, not one each.
  if (stuck.length > 0 && unseen.length > 0) failures.push({ case: null, name: 'unseen', problem: `${unseen.length} accepted case(s) not visible behind the stuck subscription(s), first: case ${unseen.map((u) => u.case).sort((a, b) => (a ?? 0) - (b ?? 0))[0]}` });
  else failures.push(...unseen);

  const after = simpleMail({ to: address, subject: `After the fuzzer ${options.seed}` });
  const answer = await sendExact(api.smtpPort, address, Buffer.from(after));
  if (answer.code !== 250) failures.push({ case: null, name: 'normal mail afterwards', problem: `answered ${answer.code}: ${answer.response}` });
  else {
    const subject = `After the fuzzer ${options.seed}`;
    await eventually(
      async () => ((await owner.agent.get('/api/conversations').query({ limit: 100 })).body.items as Array<{ subject: string }> | undefined)?.map((c) => c.subject) ?? [],
      (subjects) => subjects.includes(subject),
      `"${subject}" in the inbox`,
      20_000,
    ).catch((error: unknown) => failures.push({ case: null, name: 'normal mail afterwards', problem: (error as Error).message.slice(0, 300) }));
  }

  return { seed: options.seed, cases: numbers.length, answers, outcomes, sendMs, settleMs, slowest, bytesSent, failures };
}

/**
 * For each subscription that is stuck: its error and the case it fails on. A stuck projection is
 * tried on the events after its checkpoint one at a time, in a transaction rolled back at the end,
 * on the app's own read models: the first event that throws is the culprit.
 */
async function stuckSubscriptions(api: TestApi, store: EventStore, casesOf: Map<string, number[]>, names: Map<number, string>): Promise<CampaignFailure[]> {
  const health = await readHealth(api);
  const findings: CampaignFailure[] = [];
  const projections = appProjections.map((listed) => api.app.get<Projection>(listed));
  for (const s of health.body.subscriptions ?? []) {
    if (stuckIn({ status: 200, body: { status: 'ok', subscriptions: [s] } }).length === 0) continue;
    const checkpoint = positionFromString(s.checkpoint);
    const after = await store.readAll({ fromPosition: checkpoint === 'start' ? 'start' : checkpoint + 1n, maxCount: 5000 });
    const projection = projections.find((p) => p.name === s.name);
    const culprit = projection ? firstThrowing(api.app.get<SqliteDatabase>(READ_MODEL_DB), projection, after) : null;
    const carried = culprit ? [...casesOf].filter(([id]) => JSON.stringify(culprit.event.data).includes(id)).flatMap(([, cases]) => cases) : [];
    const first = carried[0] ?? null;
    findings.push({
      case: first,
      name: first === null ? s.name : (names.get(first) ?? ''),
      problem:
        `${s.name} ${s.state === 'retrying' ? 'is retrying' : `is not caught up (${s.state})`}: ${s.lastError ?? 'no error'}` +
        (culprit ? `; it throws on ${culprit.event.type} at position ${culprit.event.position}: ${culprit.error}` : '') +
        (carried.length > 1 ? ` (the same mail as cases ${[...new Set(carried)].join(', ')})` : ''),
    });
  }
  return findings;
}

function firstThrowing(db: SqliteDatabase, projection: Projection, events: RecordedEvent[]): { event: RecordedEvent; error: string } | null {
  let found: { event: RecordedEvent; error: string } | null = null;
  const rollBack = new Error('roll back');
  try {
    db.transaction(() => {
      for (const event of events) {
        try {
          projection.apply(event, db);
        } catch (error) {
          found = { event, error: messageOf(error) };
          break;
        }
      }
      throw rollBack;
    })();
  } catch (error) {
    if (error !== rollBack) throw error;
  }
  return found;
}

/** Polls /api/health every 100 ms until stopped; resolves with the slowest answer's time and the cases in flight meanwhile. */
function pollHealth(api: TestApi, inFlight: ReadonlySet<number>): { stop(): Promise<{ slowestMs: number; during: number[] }> } {
  let running = true;
  let slowestMs = 0;
  let during: number[] = [];
  const loop = (async () => {
    // The poller shares the app's event loop: a block while it sleeps delays its timer, not its
    // request. Timed from when the poll was due, it waits as long as an outside client would have.
    let due = Date.now();
    while (running) {
      const before = [...inFlight];
      await request(api.app.getHttpServer()).get('/api/health').catch(() => undefined);
      const ms = Date.now() - due;
      if (ms > slowestMs) {
        slowestMs = ms;
        during = [...new Set([...before, ...inFlight])];
      }
      due = Date.now() + 100;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { slowestMs, during };
    },
  };
}

/** The report as lines a person reads: figures first, then each failure with its case number. */
export function describeReport(report: CampaignReport): string[] {
  const answers = Object.entries(report.answers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');
  return [
    `seed ${report.seed}: ${report.cases} cases, ${(report.bytesSent / 1e6).toFixed(1)} MB, sent in ${(report.sendMs / 1000).toFixed(1)} s, settled in ${(report.settleMs / 1000).toFixed(1)} s`,
    `answers: ${answers}`,
    `accepted mails: ${Object.entries(report.outcomes)
      .sort(([, a], [, b]) => b - a)
      .map(([outcome, n]) => `${outcome}: ${n}`)
      .join(', ')}`,
    `slowest /api/health while sending: ${report.slowest.health.ms} ms, cases in flight: ${report.slowest.health.cases.map((c) => c.slice(0, 120)).join('; ')}`,
    `slowest SMTP answers: ${report.slowest.answers.map((a) => `${a.ms} ms case ${a.case.slice(0, 120)}`).join('; ')}`,
    `${report.failures.length} failure(s)`,
    ...report.failures.map((f) => `  case ${f.case ?? '-'} ${f.name}: ${f.problem}`),
  ];
}
