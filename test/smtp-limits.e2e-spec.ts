import request from 'supertest';
import { eventually } from './support/eventually';
import { pollHealth } from './support/health-poller';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { simpleMail } from './support/smtp-client';
import { SmtpSession } from './support/smtp-session';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

const server = () => api.app.getHttpServer();

async function accountWithAddress() {
  const owner = await signUp(api);
  const subdomain = `lim${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain });
  return { ...owner, address: body.address as string };
}

function openMany(count: number) {
  return Promise.all(Array.from({ length: count }, () => SmtpSession.open(api.smtpPort)));
}

async function closeAll(sessions: Array<{ session: SmtpSession }>) {
  for (const { session } of sessions) session.end();
  await Promise.all(sessions.map(({ session }) => session.closed));
}

describe('connections per address', () => {
  it('admits at most 20 sessions of one address out of 200 parallel connections, refuses the rest with 421, and gives the places back as they close', async () => {
    const health = await pollHealth(server());
    const first = await openMany(200);
    const admitted = first.filter(({ greeting }) => greeting.startsWith('220'));
    const refused = first.filter(({ greeting }) => greeting.startsWith('421'));
    expect(admitted).toHaveLength(20);
    expect(refused).toHaveLength(180);
    await Promise.all(refused.map(({ session }) => session.closed));

    // The refused connections have closed: their closing must not have freed a place.
    const second = await openMany(100);
    expect(second.filter(({ greeting }) => greeting.startsWith('220'))).toHaveLength(0);
    await closeAll(second);
    for (const { session } of admitted) expect(await session.command('NOOP')).toMatch(/^250/);

    await closeAll(admitted);
    // Every place is back, and not one more (a count gone negative would admit a 21st).
    const again = await eventually(
      async () => {
        const wave = await openMany(21);
        await closeAll(wave);
        return wave.map(({ greeting }) => greeting.slice(0, 3)).sort();
      },
      (codes) => codes.filter((code) => code === '220').length === 20,
      'twenty places free again',
    );
    expect(again).toEqual([...Array(20).fill('220'), '421']);

    const { slowestMs, statuses, answers } = await health.stop();
    process.stdout.write(`200 connections: slowest health ${slowestMs.toFixed(0)} ms of ${answers}\n`);
    expect(statuses).toEqual([200]);
    expect(slowestMs).toBeLessThan(1000);
  });

  it('ends a session that only keeps itself open with NOOP, RSET and EHLO', async () => {
    const { session, greeting } = await SmtpSession.open(api.smtpPort);
    expect(greeting).toMatch(/^220/);
    expect(await session.command('EHLO client.example')).toMatch(/^250/);
    for (let i = 0; i < 19; i++) expect(await session.command(['NOOP', 'RSET', 'EHLO client.example'][i % 3])).toMatch(/^250/);
    expect(await session.command('NOOP')).toMatch(/^421 4\.7\.0 Too many commands without a message/);
    await session.closed;
    expect(session.isClosed).toBe(true);
  });
});

describe('connections in all', () => {
  it('refuses connections past SMTP_MAX_CLIENTS with 421, whoever opens them', async () => {
    const small = await startTestApi({ INBOX_DOMAIN: 'inbox.test', SMTP_MAX_CLIENTS: '5' });
    try {
      const opened = await Promise.all(Array.from({ length: 8 }, () => SmtpSession.open(small.smtpPort)));
      expect(opened.map(({ greeting }) => greeting.slice(0, 3)).sort()).toEqual([...Array(5).fill('220'), ...Array(3).fill('421')]);
      await closeAll(opened);
    } finally {
      await small.close();
    }
  });
});

describe('recipients', () => {
  it('takes 100 recipients of one message, answers 452 4.5.3 to the rest, and stores the mail once', async () => {
    const { agent, address } = await accountWithAddress();
    const [user, domain] = address.split('@');
    const { session } = await SmtpSession.open(api.smtpPort);
    await session.command('EHLO client.example');
    expect(await session.command('MAIL FROM:<carla@example.com>')).toMatch(/^250/);
    const answers: string[] = [];
    for (let i = 0; i < 150; i++) answers.push((await session.command(`RCPT TO:<${user}+r${i}@${domain}>`)) ?? 'closed');
    expect(answers.filter((answer) => answer.startsWith('250'))).toHaveLength(100);
    expect(answers.slice(100)).toEqual(Array(50).fill('452 4.5.3 Too many recipients'));
    expect(await session.command('DATA')).toMatch(/^354/);
    session.write(`${simpleMail({ to: address, subject: 'Hundred and fifty' })}\r\n.\r\n`);
    expect(await session.reply()).toMatch(/^250 Message stored as \S+$/);
    expect(await session.command('QUIT')).toMatch(/^221/);

    const { items } = await eventually(
      async () => (await agent.get('/api/conversations')).body as { items: Array<{ id: string; subject: string }> },
      (body) => body.items.length > 0,
    );
    expect(items.map((item) => item.subject)).toEqual(['Hundred and fifty']);
    expect((await agent.get(`/api/conversations/${items[0].id}`)).body.messages).toHaveLength(1);
    expect((await request(server()).get('/api/health')).status).toBe(200);
  });

  it('slows down the answers to unknown recipients, then ends the session with 421', async () => {
    const health = await pollHealth(server());
    const { session } = await SmtpSession.open(api.smtpPort);
    await session.command('EHLO harvester.example');
    await session.command('MAIL FROM:<harvester@example.com>');
    const timed: Array<{ reply: string | null; ms: number }> = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const reply = await session.command(`RCPT TO:<guess${i}@nowhere.inbox.test>`);
      timed.push({ reply, ms: performance.now() - started });
    }
    expect(timed.slice(0, 5).map(({ reply }) => reply?.slice(0, 3))).toEqual(['550', '550', '550', '550', '550']);
    expect(timed.slice(0, 3).every(({ ms }) => ms < 500)).toBe(true);
    expect(timed[3].ms).toBeGreaterThanOrEqual(950);
    expect(timed[4].ms).toBeGreaterThanOrEqual(1950);
    expect(timed[5].reply).toMatch(/^421 4\.7\.1 Too many unknown recipients/);
    await session.closed;

    const { slowestMs, statuses } = await health.stop();
    expect(statuses).toEqual([200]);
    expect(slowestMs).toBeLessThan(1000);
  });

  it('keeps count of an address’s unknown recipients across sessions: past 20, a fresh session is slowed and ended at its first guess', async () => {
    const fresh = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
    try {
      const guess = async (session: SmtpSession, label: string) => session.command(`RCPT TO:<${label}@nowhere.inbox.test>`);
      const start = async () => {
        const { session } = await SmtpSession.open(fresh.smtpPort);
        await session.command('EHLO harvester.example');
        await session.command('MAIL FROM:<harvester@example.com>');
        return session;
      };
      // Seven sessions side by side, three guesses each (each answered at once within its session): 21.
      const sessions = await Promise.all(Array.from({ length: 7 }, start));
      const replies = await Promise.all(sessions.map(async (session, s) => [await guess(session, `a${s}`), await guess(session, `b${s}`), await guess(session, `c${s}`)]));
      expect(replies.flat().filter((reply) => reply?.startsWith('550'))).toHaveLength(20);
      expect(replies.flat().filter((reply) => reply?.startsWith('421'))).toHaveLength(1);
      for (const session of sessions) session.end();

      const next = await start();
      const started = performance.now();
      expect(await guess(next, 'first')).toMatch(/^421 4\.7\.1 Too many unknown recipients/);
      expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
      await next.closed;
    } finally {
      await fresh.close();
    }
  });
});
