import { openConversation } from './support/browser';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

// The composer keeps a draft across a reload; undo send takes a reply back into the composer, and
// the relay never sees it.

const WINDOW_SECONDS = 15;
let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let page: Page;
let address: string;
let smtpPort: number;

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url }, { undoSendSeconds: WINDOW_SECONDS });
  ({ app, page, address, smtpPort } = running);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
});

async function openNewConversation(subject: string): Promise<void> {
  expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject }))).code).toBe(250);
  await openConversation(page, app.baseUrl, subject);
}

describe('drafts and undo send in the browser', () => {
  it('saves the draft as the agent types and restores it after a reload; Discard throws it away', async () => {
    await openNewConversation(`Draft ${Date.now()}`);
    await page.locator('#reply-text').fill('Half a thought about your zipper');
    await page.locator('[data-testid="draft-status"][data-status="saved"]').waitFor();
    expect(await page.getByTestId('draft-status').textContent()).toBe('Draft saved');

    await page.reload();
    expect(await page.locator('#reply-text').inputValue()).toBe('Half a thought about your zipper');

    await page.getByRole('button', { name: 'Discard' }).click();
    await page.locator('[data-testid="draft-status"][data-status="none"]').waitFor({ state: 'attached' });
    expect(await page.locator('#reply-text').inputValue()).toBe('');
    await page.reload();
    expect(await page.locator('#reply-text').inputValue()).toBe('');
  });

  it('shows "Sending in N s" with Undo; Undo puts the text back in the composer and nothing reaches the relay', async () => {
    await openNewConversation(`Undo ${Date.now()}`);
    await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
    await page.locator('#reply-text').fill('This was meant for someone else.');
    await page.locator('#reply-text').press('Control+Enter');
    const pending = page.getByTestId('pending-reply');
    await pending.getByText(/Sending in \d+ s/).waitFor();
    const sentAt = Date.now();
    await pending.getByRole('button', { name: 'Undo' }).click();
    await page.locator('[data-testid="thread-message"][data-direction="outbound"]').waitFor({ state: 'detached' });
    expect(await page.locator('#reply-text').inputValue()).toBe('This was meant for someone else.');
    await page.reload();
    expect(await page.locator('#reply-text').inputValue()).toBe('This was meant for someone else.');

    // The positive signal: once the undone reply's window is over, a reply sent at once arrives.
    await page.waitForFunction((until) => Date.now() > until, sentAt + WINDOW_SECONDS * 1000 + 500, { timeout: (WINDOW_SECONDS + 10) * 1000 });
    expect((await page.request.patch(`${app.baseUrl}/api/account`, { data: { undoSendSeconds: 0 } })).status()).toBe(200);
    await page.reload();
    await page.locator('#reply-text').fill('The right answer.');
    await page.locator('#reply-text').press('Control+Enter');
    await page.locator('[data-testid="thread-message"][data-direction="outbound"] [data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 20_000 });
    await relay.waitFor(1);
    expect(relay.received).toHaveLength(1);
    expect(relay.received[0].parsed.text).toContain('The right answer.');
    expect(relay.received.some((mail) => mail.raw.includes('meant for someone else'))).toBe(false);
  });
});
