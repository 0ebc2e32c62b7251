import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage, signUpInBrowser } from './support/browser';
import { makeTempDir } from './support/temp-dir';
import { sendRaw, simpleMail } from './support/smtp-client';

const dataDir = makeTempDir('inbox-inbound-browser-');
let app: RunningApp;
let browser: Browser;
let page: Page;
let address: string;
let smtpPort: number;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
  smtpPort = Number(/SMTP on port (\d+)/.exec(app.output())?.[1]);
  browser = await launchBrowser();
  page = await newPage(browser);
  await signUpInBrowser(page, app.baseUrl);
  const claim = await page.request.post(`${app.baseUrl}/api/channels/email/forwarding-address`, { data: { username: 'support', subdomain: `br${Date.now().toString(36)}` } });
  address = ((await claim.json()) as { address: string }).address;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dataDir.cleanup();
});

async function reloadUntil(url: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.goto(url);
    if (await check()) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${url} never showed what was expected`);
}

describe('inbound mail in the browser', () => {
  it('lists the sender as a contact whose profile shows the email conversation, not in recent activity', async () => {
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject: 'Where is my parcel?' }))).code).toBe(250);
    await reloadUntil(`${app.baseUrl}/contacts`, async () => (await page.getByTestId('contact-row').count()) === 1);
    await page.getByTestId('contact-row').click();
    await page.getByRole('heading', { name: 'Carla Customer' }).waitFor();
    expect(await page.getByTestId('contact-conversations').textContent()).toContain('Where is my parcel?');
    expect(await page.getByTestId('contact-activity').textContent()).toContain('Contact created');
    expect(await page.getByTestId('contact-activity').textContent()).not.toContain('parcel');
  });

  it('shows mail that could not be placed in the failed-mail queue, with the raw message and a reprocess action', async () => {
    const raw = simpleMail({ to: address, subject: 'Nobody sent this' }).replace(/^From: .*\r\n/m, '');
    expect((await sendRaw(smtpPort, address, raw)).code).toBe(250);
    await reloadUntil(`${app.baseUrl}/failed-mail`, async () => (await page.getByTestId('failed-mail').count()) === 1);
    const item = page.getByTestId('failed-mail');
    expect(await item.textContent()).toContain('the mail names no sender');
    const download = await page.request.get(`${app.baseUrl}${await item.getByRole('link', { name: 'Download .eml' }).getAttribute('href')}`);
    expect(await download.text()).toContain('Subject: Nobody sent this');
    await item.getByRole('button', { name: 'Reprocess' }).click();
    await page.getByRole('alert').filter({ hasText: 'Still failing: the mail names no sender' }).waitFor();
  });

  it("shows Gmail's forwarding confirmation code on the email settings page", async () => {
    const confirmation = [
      'From: Gmail Team <forwarding-noreply@google.com>',
      `To: ${address}`,
      'Subject: (#555000111) Gmail Forwarding Confirmation - Receive Mail from anna@example.com',
      'Message-ID: <confirm.browser@google.com>',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Confirmation code: 555000111',
      '',
      'https://mail-settings.google.com/mail/vf-abc',
      '',
    ].join('\r\n');
    expect((await sendRaw(smtpPort, address, confirmation)).code).toBe(250);
    await reloadUntil(`${app.baseUrl}/settings/channels/email`, async () => (await page.getByText('555000111').count()) === 1);
    expect(await page.getByRole('link', { name: 'confirmation link' }).getAttribute('href')).toBe('https://mail-settings.google.com/mail/vf-abc');
  });
});
