import type { Page } from 'playwright-core';
import { openConversation } from './support/browser';
import type { RunningApp } from './support/app-process';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

// An agent formats a reply from the keyboard, previews it, and sends it; the channel can send plain text only.

let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let page: Page;
let address: string;
let smtpPort: number;

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url });
  ({ app, page, address, smtpPort } = running);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
});

async function conversationAbout(subject: string) {
  expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject }))).code).toBe(250);
  await openConversation(page, app.baseUrl, subject);
}

describe('rich text replies in the browser', () => {
  it('selects a word, Ctrl+B makes it bold, Ctrl+K links, the preview and then the thread show it formatted', async () => {
    await conversationAbout(`Formatting ${Date.now()}`);
    const box = page.locator('#reply-text');
    await box.click();
    await page.keyboard.type('Your parcel ships today');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+B');
    expect(await box.inputValue()).toBe('Your parcel ships **today**');

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('track it');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+K');
    const linkAddress = page.getByLabel('Link address');
    await linkAddress.fill('javascript:alert(1)');
    await linkAddress.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Link address must start with https://' }).waitFor();
    await linkAddress.fill('https://example.com/track');
    await linkAddress.press('Enter');
    expect(await box.inputValue()).toBe('Your parcel ships **today**\n[track it](https://example.com/track)');

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.frameLocator('[data-testid="reply-preview"]');
    expect(await preview.locator('strong').textContent()).toBe('today');
    expect(await preview.locator('a').getAttribute('href')).toBe('https://example.com/track');
    await page.getByRole('button', { name: 'Write' }).click();
    await page.locator('#reply-text:focus').waitFor();

    await page.getByRole('button', { name: 'Send reply' }).click();
    const outbound = page.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound.frameLocator('[data-testid="mail-frame"]').locator('strong').filter({ hasText: 'today' }).waitFor();
    await outbound.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 15_000 });
    const [mail] = await relay.waitFor(1);
    expect(mail.parsed.html).toContain('<strong>today</strong>');
    expect(mail.parsed.text).toContain('Your parcel ships today\ntrack it <https://example.com/track>');
    expect(await box.inputValue()).toBe('');
  });

  it('with plain text only switched on in the email settings, the composer has no toolbar and says so', async () => {
    await page.goto(`${app.baseUrl}/settings/channels/email`);
    const plain = page.getByRole('switch', { name: 'Send replies as plain text only' });
    await plain.click();
    await page.getByText('Replies go as text only, without an HTML part').waitFor();
    for (let i = 0; i < 50 && (await (await page.request.get(`${app.baseUrl}/api/channels`)).json()).email.plainTextOnly !== true; i++) await page.waitForTimeout(100);

    await conversationAbout(`Plain ${Date.now()}`);
    await page.getByTestId('plain-text-note').waitFor();
    expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);

    await page.goto(`${app.baseUrl}/audit`);
    await page.getByTestId('audit-event').filter({ hasText: 'Plain text replies switched' }).waitFor();
    expect(await page.getByTestId('audit-state').textContent()).toContain('Plain text only');
    expect((await page.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });
});
