import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

let running: BrowserApp;
let app: RunningApp;
let page: Page;
let address: string;
let smtpPort: number;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, page, address, smtpPort } = running);
});
afterAll(() => running?.stop());

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

  it('says on the thread when a message was shortened, with the link to the full original', async () => {
    const raw = simpleMail({ to: address, subject: 'One very long line', body: `On ${'a '.repeat(100_000)}` });
    expect((await sendRaw(smtpPort, address, raw)).code).toBe(250);
    const row = page.getByTestId('conversation-row').filter({ hasText: 'One very long line' });
    await reloadUntil(`${app.baseUrl}/inbox`, async () => (await row.count()) === 1);
    await row.click();
    const notice = page.getByTestId('message-shortened');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('This message was shortened; the full original is in the .eml.');
    const original = await page.request.get(`${app.baseUrl}${await notice.getByRole('link', { name: '.eml' }).getAttribute('href')}`);
    expect((await original.text()).length).toBe(raw.length);
  });

  it('shows mail that could not be placed in the failed-mail queue, with the raw message and a reprocess action', async () => {
    const raw = simpleMail({ to: address, subject: 'Nobody sent this' }).replace(/^From: .*\r\n/m, '');
    expect((await sendRaw(smtpPort, address, raw)).code).toBe(250);
    await reloadUntil(`${app.baseUrl}/failed-mail`, async () => (await page.getByTestId('failed-mail').count()) === 1);
    const item = page.getByTestId('failed-mail');
    expect(await item.textContent()).toContain('the mail names no sender');
    expect(await item.getByTestId('failed-mail-status').textContent()).toBe('No conversation to put it in');
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

describe('the thread in the browser', () => {
  it('shows a hostile HTML mail in a sandboxed frame: no script runs, no dialog opens, images wait for a click', async () => {
    const hostile = [
      'From: Mallory <mallory@evil.example>',
      `To: ${address}`,
      'Subject: Totally normal invoice',
      `Message-ID: <hostile.${Date.now()}@evil.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Please pay.</p><script>alert("xss")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">click</a>',
      '<svg onload="alert(3)"></svg><iframe src="javascript:alert(4)"></iframe><img src="https://tracker.example/open.gif">',
      '<div class="gmail_quote">On Monday someone wrote:<blockquote>old news</blockquote></div>',
      '',
    ].join('\r\n');
    expect((await sendRaw(smtpPort, address, hostile)).code).toBe(250);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await reloadUntil(`${app.baseUrl}/inbox`, async () => (await page.getByTestId('conversation-row').filter({ hasText: 'Totally normal invoice' }).count()) === 1);
    await page.getByTestId('conversation-row').filter({ hasText: 'Totally normal invoice' }).click();
    await page.getByRole('heading', { name: 'Totally normal invoice' }).waitFor();

    const frame = page.getByTestId('mail-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const body = page.frameLocator('[data-testid="mail-frame"]').locator('body');
    await body.getByText('Please pay.').waitFor();
    expect(await body.getByText('old news').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show quoted text' }).click();
    await body.getByText('old news').waitFor();
    await page.getByRole('button', { name: 'Show images' }).waitFor();
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|<svg|<iframe/i);
    expect(html).toContain('data-remote-src="https://tracker.example/open.gif"');

    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);

    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    expect(await page.getByTestId('conversation-status').textContent()).toBe('closed');
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('button', { name: 'Unassign me' }).waitFor();
  });
});

describe('live inbox', () => {
  it('shows a mail that arrives over SMTP in an open inbox page, without reload', async () => {
    await page.goto(`${app.baseUrl}/inbox?status=`);
    await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
    const subject = `Arrived live ${Date.now()}`;
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Liv <liv@example.com>', to: address, subject }))).code).toBe(250);
    await page.getByTestId('conversation-row').filter({ hasText: subject }).waitFor({ timeout: 10_000 });
  });
});
