import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { openConversation } from './support/browser';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';

// The composer's Cc and Bcc, and forwarding a message, in the browser; what leaves goes to a real relay.

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

describe('recipients in the browser', () => {
  it('prefills Cc with the others on the mail, removable; a Bcc is added by typing; the count follows; the reply goes to all', async () => {
    const subject = `Group question ${Date.now()}`;
    const mail = simpleMail({ from: 'Carla Customer <carla@example.com>', to: `${address}, Eve <eve@example.com>`, subject, headers: ['Cc: Dan <dan@example.com>'] });
    expect((await sendRaw(smtpPort, address, mail)).code).toBe(250);
    await openConversation(page, app.baseUrl, subject);

    expect(await page.getByTestId('composer-to').textContent()).toBe('carla@example.com');
    const ccChips = page.getByTestId('recipients-cc').getByTestId('recipient-chip');
    await ccChips.first().waitFor();
    expect(await ccChips.allTextContents()).toEqual(['eve@example.com×', 'dan@example.com×']);
    expect(await page.getByTestId('recipient-count').textContent()).toBe('3 of 10 recipients');

    await page.getByRole('button', { name: 'Remove eve@example.com from Cc' }).click();
    expect(await ccChips.allTextContents()).toEqual(['dan@example.com×']);
    await page.getByRole('button', { name: 'Bcc', exact: true }).click();
    await page.getByLabel('Bcc', { exact: true }).fill('boss@example.com');
    await page.getByLabel('Bcc', { exact: true }).press('Enter');
    await page.getByTestId('recipients-bcc').getByTestId('recipient-chip').waitFor();
    expect(await page.getByTestId('recipient-count').textContent()).toBe('3 of 10 recipients');

    // A bad address typed with a comma becomes a chip; the API refuses it, and the chip is marked.
    await page.getByLabel('Cc', { exact: true }).fill('not-an-address,');
    await page.locator('#reply-text').fill('Dan and the boss are in copy.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('alert').filter({ hasText: 'not-an-address' }).waitFor();
    await page.locator('[data-testid="recipient-chip"][data-invalid="true"]').filter({ hasText: 'not-an-address' }).waitFor();
    await page.getByRole('button', { name: 'Remove not-an-address from Cc' }).click();
    await page.getByRole('button', { name: 'Send reply' }).click();

    const outbound = page.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound.frameLocator('[data-testid="mail-frame"]').getByText('Dan and the boss are in copy.').waitFor();
    expect(await outbound.getByTestId('recipients-cc-line').textContent()).toBe('dan@example.com');
    expect(await outbound.getByTestId('recipients-bcc-line').textContent()).toBe('boss@example.com');
    await outbound.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 15_000 });
    const [sent] = await relay.waitFor(1);
    expect(sent.envelope.to.sort()).toEqual(['boss@example.com', 'carla@example.com', 'dan@example.com']);
    expect(sent.raw).not.toMatch(/^bcc:/im);
  });

  it('forwards a message with a note from the thread', async () => {
    const subject = `Forward me ${Date.now()}`;
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject, body: 'The zipper broke.' }))).code).toBe(250);
    await openConversation(page, app.baseUrl, subject);
    const before = relay.received.length;
    const inbound = page.locator('[data-testid="thread-message"][data-direction="inbound"]');
    await inbound.getByTestId('forward-open').click();
    await inbound.getByLabel('Forward to').fill('repair@example.org');
    await inbound.getByLabel('Note').fill('Can you fix this?');
    await inbound.getByRole('button', { name: 'Forward', exact: true }).click();
    const outbound = page.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound.getByTestId('recipients-to-line').filter({ hasText: 'repair@example.org' }).waitFor();
    await outbound.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 15_000 });
    const mails = await relay.waitFor(before + 1);
    const forward = mails[mails.length - 1];
    expect(forward.envelope.to).toEqual(['repair@example.org']);
    expect(forward.parsed.subject).toBe(`Fwd: ${subject}`);
    expect(forward.parsed.text).toContain('Can you fix this?');
    expect(forward.parsed.text).toContain('The zipper broke.');
  });
});
