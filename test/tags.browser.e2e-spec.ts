import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

// Tags in Chromium: the thread's picker (opened with t) creates a tag, the inbox row shows it, and
// the inbox's tag filter narrows the list to it, on mail that came in over SMTP.

let running: BrowserApp;
let app: RunningApp;
let page: Page;

const rows = () => page.getByTestId('conversation-row');

/** The inbox page, once its script runs (the live indicator turns on after hydration). */
async function openInbox(query = ''): Promise<void> {
  await page.goto(`${app.baseUrl}/inbox${query}`);
  await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
}

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, page } = running);
  const { address, smtpPort } = running;
  for (const [from, subject] of [
    ['Ada Alpha <ada@example.com>', 'Alpha parcel'],
    ['Bo Bravo <bo@example.com>', 'Bravo invoice'],
  ]) {
    expect((await sendRaw(smtpPort, address, simpleMail({ from, to: address, subject, body: 'Hello there.' }))).code).toBe(250);
  }
  for (let i = 0; i < 60; i++) {
    await openInbox();
    if ((await rows().count()) === 2) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the inbox never showed both conversations');
});
afterAll(() => running?.stop());

describe('tags in the browser', () => {
  it('adds a tag with the picker, creating it, and filters the inbox by it', async () => {
    await openInbox();
    await rows().filter({ hasText: 'Bravo invoice' }).click();
    await page.getByRole('heading', { name: 'Bravo invoice' }).waitFor();
    await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();

    await page.keyboard.press('t');
    const picker = page.getByRole('combobox', { name: 'Find or create a tag' });
    await picker.waitFor();
    await picker.fill('Billing');
    await page.getByRole('option', { name: 'Create “Billing”' }).waitFor();
    await picker.press('Enter');
    await page.getByTestId('tag-chip').filter({ hasText: 'Billing' }).waitFor();
    expect(await page.getByRole('button', { name: 'Remove tag Billing' }).count()).toBe(1);

    await openInbox();
    const bravo = rows().filter({ hasText: 'Bravo invoice' });
    expect(await bravo.getByTestId('row-tags').textContent()).toContain('Billing');
    expect(await rows().count()).toBe(2);
    await page.getByTestId('tag-filter').locator('summary').click();
    await page.getByRole('navigation', { name: 'Filter by tag' }).getByRole('link', { name: /Billing/ }).click();
    await page.waitForURL(/tag=Billing/);
    await page.getByTestId('tag-filter').getByText('Tag: Billing').waitFor();
    expect((await rows().allTextContents()).map((text) => /(Alpha parcel|Bravo invoice)/.exec(text)?.[1])).toEqual(['Bravo invoice']);
    expect(await page.getByTestId('count-open').textContent()).toBe('1');
  });

  it('lets the owner rename a tag under Settings → Tags, and delete it after confirming', async () => {
    await page.goto(`${app.baseUrl}/settings/tags`);
    const row = page.getByTestId('tag-row').filter({ has: page.locator('input[value="Billing"]') });
    await row.getByRole('textbox', { name: 'Name of the tag Billing' }).fill('Invoices');
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.locator('[data-testid="tag-row"] input[value="Invoices"]').waitFor();
    await openInbox();
    expect(await rows().filter({ hasText: 'Bravo invoice' }).getByTestId('row-tags').textContent()).toContain('Invoices');

    await page.goto(`${app.baseUrl}/settings/tags`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByText('Delete “Invoices” from 1 conversation?').waitFor();
    await page.getByRole('button', { name: 'Delete tag' }).click();
    await page.getByText('No tags yet.').waitFor();
    await openInbox();
    expect(await rows().filter({ hasText: 'Bravo invoice' }).getByTestId('row-tags').count()).toBe(0);
  });
});
