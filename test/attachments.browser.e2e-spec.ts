import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { openConversation } from './support/browser';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';

// An agent attaches files to a reply by dropping them on the composer, with the Attach button, and by
// pasting an image; the reply reaches a real relay with them, and the thread shows them.

const FILE_LIMIT = 50_000;

let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url, REPLY_ATTACHMENT_MAX_BYTES: String(FILE_LIMIT) });
  ({ app, page } = running);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
});

/** Drags a file over the composer and drops it, as a file manager does. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const composer = page.getByRole('region', { name: 'Reply' });
  // The page's own DataTransfer and File (the spec's TypeScript has no DOM types).
  const transfer = await page.evaluateHandle(`(() => {
    const data = new DataTransfer();
    data.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/plain' }));
    return data;
  })()`);
  await composer.dispatchEvent('dragenter', { dataTransfer: transfer });
  await page.getByTestId('drop-zone').waitFor();
  await composer.dispatchEvent('dragover', { dataTransfer: transfer });
  await composer.dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByTestId('drop-zone').waitFor({ state: 'detached' });
}

/** Pastes a PNG into the reply box, as a screenshot tool's clipboard holds it. */
async function pasteImage(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([png], 'image.png', { type: 'image/png' }));
    document.querySelector('#reply-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

describe('attachments in the composer', () => {
  it('takes files by drop and by the Attach button and an image by paste, shows the refusal of one too big, and sends them', async () => {
    const subject = `Photos ${Date.now()}`;
    expect((await sendRaw(running.smtpPort, running.address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: running.address, subject }))).code).toBe(250);
    await openConversation(page, app.baseUrl, subject);
    await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();

    await dropFile(page, 'dropped.txt', 'dropped on the composer');
    await page.getByTestId('attach-input').setInputFiles([
      { name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from('picked with the button') },
      { name: 'too-big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(FILE_LIMIT + 1, 1) },
    ]);
    await page.locator('#reply-text').click();
    await pasteImage(page);

    const chips = page.getByTestId('attachment-chip');
    await chips.filter({ hasText: 'dropped.txt' }).and(page.locator('[data-state="uploaded"]')).waitFor();
    await chips.filter({ hasText: 'picked.txt' }).and(page.locator('[data-state="uploaded"]')).waitFor();
    await chips.filter({ hasText: 'image.png' }).and(page.locator('[data-state="uploaded"]')).waitFor();
    const refused = chips.filter({ hasText: 'too-big.bin' });
    await refused.and(page.locator('[data-state="refused"]')).waitFor();
    expect(await refused.getByRole('alert').textContent()).toBe(`file must be at most ${FILE_LIMIT} bytes (the limit per file)`);
    expect(await chips.filter({ hasText: 'image.png' }).textContent()).toContain('inline');
    await page.getByRole('button', { name: 'Remove too-big.bin' }).click();
    await refused.waitFor({ state: 'detached' });

    await page.locator('#reply-text').fill('Here are the files and a screenshot.');
    await page.getByRole('button', { name: 'Send reply' }).click();

    const outbound = page.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 20_000 });
    const files = outbound.getByRole('list', { name: 'Attachments' });
    await files.getByRole('link', { name: /dropped\.txt/ }).waitFor();
    await files.getByRole('link', { name: /picked\.txt/ }).waitFor();
    expect(await files.getByRole('link').count()).toBe(2);
    // The pasted image is in the reply as the contact sees it, loaded from the API.
    const frame = outbound.getByTestId('mail-frame');
    expect(await frame.getAttribute('srcdoc')).toMatch(/<img src="\/api\/attachments\/[^"]+"/);
    const href = (await files.getByRole('link', { name: /picked\.txt/ }).getAttribute('href')) as string;
    const served = await page.request.get(`${app.baseUrl}${href}`);
    expect(await served.text()).toBe('picked with the button');
    expect(await chips.count()).toBe(0);

    const [mail] = await relay.waitFor(1);
    expect(mail.parsed.text).toContain('Here are the files and a screenshot.');
    // The inline image sits in the HTML's multipart/related, the files beside it: sorted by name here.
    expect(mail.parsed.attachments.map((a) => [a.filename, a.contentDisposition]).sort()).toEqual([
      ['dropped.txt', 'attachment'],
      ['image.png', 'inline'],
      ['picked.txt', 'attachment'],
    ]);
    expect((await page.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });
});
