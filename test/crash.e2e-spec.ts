import { startApp, type RunningApp } from './support/app-process';
import { makeTempDir } from './support/temp-dir';
import { PASSWORD, uniqueEmail } from './support/api-app';
import { sendRaw, simpleMail } from './support/smtp-client';

// SIGKILL the server while mail is streaming in over SMTP. Every message that got its 250 must be
// there after a restart, and delivering everything again must leave exactly one copy of each.

const dataDir = makeTempDir('inbox-crash-');
afterAll(() => dataDir.cleanup());

const MESSAGES = 240;
const CONCURRENCY = 8;

async function signUpAndClaim(app: RunningApp): Promise<{ cookie: string; address: string }> {
  const signUp = await fetch(`${app.baseUrl}/api/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountName: 'Crash Co', ownerName: 'Casey', email: uniqueEmail('casey'), password: PASSWORD, plan: 'trial' }),
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0];
  const claim = await fetch(`${app.baseUrl}/api/channels/email/forwarding-address`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ username: 'support', subdomain: `crash${Date.now().toString(36)}` }),
  });
  return { cookie, address: ((await claim.json()) as { address: string }).address };
}

const smtpPortOf = (app: RunningApp) => Number(/SMTP on port (\d+)/.exec(app.output())?.[1]);
const mailNumber = (n: number, address: string) =>
  simpleMail({ from: `Customer ${n} <customer${n}@example.com>`, to: address, subject: `Crash test ${n}`, messageId: `<crash.${n}@example.com>` });

async function countConversations(app: RunningApp, cookie: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const url: string = `${app.baseUrl}/api/conversations?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await (await fetch(url, { headers: { cookie } })).json()) as { items: unknown[]; nextCursor: string | null };
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('loses no acknowledged mail to a SIGKILL, and keeps one copy of each on redelivery', async () => {
  let app = await startApp({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
  const { cookie, address } = await signUpAndClaim(app);
  const port = smtpPortOf(app);

  const acknowledged = new Map<number, string>();
  let next = 0;
  let killed = false;
  const sender = async () => {
    while (next < MESSAGES && !killed) {
      const n = next++;
      const answer = await sendRaw(port, address, mailNumber(n, address));
      if (answer.code === 250) acknowledged.set(n, /stored as (\S+)/.exec(answer.response)?.[1] as string);
      if (acknowledged.size >= 60 && !killed) {
        killed = true;
        app.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  expect(killed).toBe(true);
  expect(acknowledged.size).toBeGreaterThanOrEqual(60);
  await app.stop('SIGKILL');

  app = await startApp({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
  try {
    for (const id of acknowledged.values()) {
      await until(async () => (await fetch(`${app.baseUrl}/api/messages/${id}/raw`, { headers: { cookie } })).status === 200, `message ${id}`);
    }

    const again = smtpPortOf(app);
    const redelivered = new Map<number, string>();
    let n = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (n < MESSAGES) {
          const mine = n++;
          const answer = await sendRaw(again, address, mailNumber(mine, address));
          expect(answer.code).toBe(250);
          redelivered.set(mine, /stored as (\S+)/.exec(answer.response)?.[1] as string);
        }
      }),
    );
    for (const [number, id] of acknowledged) expect(redelivered.get(number)).toBe(id);
    expect(new Set(redelivered.values()).size).toBe(MESSAGES);
    await until(async () => (await countConversations(app, cookie)) === MESSAGES, `${MESSAGES} conversations`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await countConversations(app, cookie)).toBe(MESSAGES);
  } finally {
    await app.stop();
  }
}, 180_000);
