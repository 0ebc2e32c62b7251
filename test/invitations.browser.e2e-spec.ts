import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { newPage } from './support/browser';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { PASSWORD, uniqueEmail } from './support/api-app';
import { makeTempDir } from './support/temp-dir';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// An admin invites in the browser; the invitee follows the link from the mail as the relay got it,
// in a browser of their own, and lands signed in. The same link again shows why it no longer works.
// The app's clock is moved by the test (INBOX_TEST_CLOCK_FILE, honoured under NODE_ENV=test only),
// so that an expired link takes no week.

const clockDir = makeTempDir('inbox-clock-');
const clockFile = join(clockDir.path, 'offset');
writeFileSync(clockFile, '0');

let relay: CaptureRelay;
let running: BrowserApp;
beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url, INBOX_TEST_CLOCK_FILE: clockFile, NODE_ENV: 'test' });
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
  clockDir.cleanup();
});

/** The path of the invitation link in the newest mail to `email` (the link's host is PUBLIC_URL's). */
async function invitationPathMailedTo(email: string, count = 1): Promise<string> {
  const mails = await eventually(
    async () => relay.received.filter((mail) => mail.envelope.to.includes(email)),
    (found) => found.length >= count,
    `invitation mail ${count} to ${email}`,
  );
  const link = /https?:\/\/\S+\/invite\/[\w-]+/.exec(mails[count - 1].parsed.text ?? '')?.[0] as string;
  expect(link).toBeDefined();
  return new URL(link).pathname;
}

/** What axe-core finds of impact serious or critical on the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function invite(page: Page, email: string, role: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await form.getByRole('status').filter({ hasText: 'Invitation sent.' }).waitFor();
}

describe('invitations in the browser', () => {
  it('invites, and the invitee joins from the mailed link, signed in; the link then shows it was used', async () => {
    const { page, app } = running;
    const email = uniqueEmail('bea');
    await page.goto(`${app.baseUrl}/settings/users`);
    await invite(page, email, 'agent');
    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await pending.getByTestId('invitation-row').filter({ hasText: email }).filter({ hasText: 'Invited by Anna Owner' }).waitFor();
    expect((await seriousViolations(page)).filter((violation) => /invit/i.test(violation))).toEqual([]);

    // The same address again: the API's refusal, worded on the field.
    const form = page.getByRole('region', { name: 'Invite someone' });
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await form.getByText('This address already has a pending invitation').waitFor();

    const path = await invitationPathMailedTo(email);
    const invitee = await newPage(running.browser);
    await invitee.goto(`${app.baseUrl}${path}`);
    await invitee.getByRole('heading', { name: 'Join Acme' }).waitFor();
    await invitee.getByText(`with the address ${email}`).waitFor();
    expect(await seriousViolations(invitee)).toEqual([]);
    await invitee.getByLabel('Your full name').fill('Bea Berger');
    await invitee.getByLabel('Password').fill('short');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByText('Choose a password of at least 12 characters').waitFor();
    await invitee.getByLabel('Password').fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.waitForURL(`${app.baseUrl}/inbox`);
    expect(await invitee.getByTestId('current-user').textContent()).toBe('Bea Berger');

    // Single use: the link again, from a browser that is not signed in.
    const later = await newPage(running.browser);
    await later.goto(`${app.baseUrl}${path}`);
    await later.getByRole('heading', { name: 'This invitation has already been used' }).waitFor();
    await later.getByRole('link', { name: 'Go to sign in' }).waitFor();
    expect(await seriousViolations(later)).toEqual([]);

    await page.goto(`${app.baseUrl}/settings/users`);
    await page.getByTestId('user-row').filter({ hasText: email }).waitFor();
    expect(await pending.getByTestId('invitation-row').filter({ hasText: email }).count()).toBe(0);
    expect((await page.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });

  it('resends and revokes from the list; a replaced or revoked link shows a page saying so', async () => {
    const { page, app } = running;
    const email = uniqueEmail('carl');
    await page.goto(`${app.baseUrl}/settings/users`);
    await invite(page, email, 'auditor');
    const first = await invitationPathMailedTo(email);
    const row = page.getByTestId('invitation-row').filter({ hasText: email });
    await row.getByRole('button', { name: `Resend the invitation to ${email}` }).click();
    await row.getByRole('status').filter({ hasText: 'A new link was sent' }).waitFor();
    const second = await invitationPathMailedTo(email, 2);
    expect(second).not.toBe(first);

    const invitee = await newPage(running.browser);
    await invitee.goto(`${app.baseUrl}${first}`);
    await invitee.getByRole('heading', { name: 'This invitation link does not work' }).waitFor();
    await invitee.getByText('Ask an admin of your team to invite you again.').waitFor();
    // The page speaks the browser's language.
    const german = await newPage(running.browser, { locale: 'de-DE' });
    await german.goto(`${app.baseUrl}${second}`);
    await german.getByRole('heading', { name: 'Acme beitreten' }).waitFor();
    await german.getByRole('button', { name: 'Beitreten und anmelden' }).waitFor();
    await german.goto(`${app.baseUrl}${first}`);
    await german.getByRole('heading', { name: 'Dieser Einladungslink funktioniert nicht' }).waitFor();
    expect(await seriousViolations(german)).toEqual([]);

    await row.getByRole('button', { name: `Revoke the invitation to ${email}` }).click();
    await page.getByRole('region', { name: 'Pending invitations' }).getByTestId('invitation-row').filter({ hasText: email }).waitFor({ state: 'detached' });
    await invitee.goto(`${app.baseUrl}${second}`);
    await invitee.getByRole('heading', { name: 'This invitation link does not work' }).waitFor();
  });

  it('shows an expired link as expired, and the admin sees it expired in the list', async () => {
    const { page, app } = running;
    const email = uniqueEmail('dora');
    await page.goto(`${app.baseUrl}/settings/users`);
    await invite(page, email, 'agent');
    const path = await invitationPathMailedTo(email);
    writeFileSync(clockFile, String(7 * 24 * 3_600_000 + 60_000));
    try {
      const invitee = await newPage(running.browser);
      await invitee.goto(`${app.baseUrl}${path}`);
      await invitee.getByRole('heading', { name: 'This invitation link has expired' }).waitFor();
      await invitee.getByText('Ask an admin of your team to send you a new one.').waitFor();
      await page.goto(`${app.baseUrl}/settings/users`);
      await page.getByTestId('invitation-row').filter({ hasText: email }).filter({ hasText: 'Link expired' }).waitFor();
    } finally {
      writeFileSync(clockFile, '0');
    }
  });
});
