import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';

// Snooze in Chromium against the built app: from the thread's menu (opened with s) the
// conversation leaves Open for Snoozed; when the app's clock passes its time it is back in Open,
// on the page that stays open. The spawned app reads its clock's offset from a file this test
// writes (INBOX_TEST_CLOCK_FILE, honoured under NODE_ENV=test only): no sleeping for hours.

const clockDir = makeTempDir('inbox-browser-clock-');
const clockFile = join(clockDir.path, 'offset');
writeFileSync(clockFile, '0');

let running: BrowserApp;
let app: RunningApp;
let page: Page;

const rows = () => page.getByTestId('conversation-row');

async function openInbox(query = ''): Promise<void> {
  await page.goto(`${app.baseUrl}/inbox${query}`);
  await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
}

beforeAll(async () => {
  running = await startBrowserApp({ INBOX_TEST_CLOCK_FILE: clockFile, NODE_ENV: 'test' });
  ({ app, page } = running);
  for (const subject of ['Snooze me', 'Stay open']) {
    const raw = simpleMail({ from: 'Carla Customer <carla@example.com>', to: running.address, subject });
    expect((await sendRaw(running.smtpPort, running.address, raw)).code).toBe(250);
  }
  // Threading follows the log: reload until both conversations are listed.
  for (let i = 0; i < 60; i++) {
    await openInbox('?status=open');
    if ((await rows().count()) === 2) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the inbox never listed both conversations');
});
afterAll(async () => {
  await running?.stop();
  clockDir.cleanup();
});

describe('snooze in the browser', () => {
  it('snoozes from the menu (s), leaves Open for Snoozed, and comes back live when the clock passes its time', async () => {
    await openInbox('?status=open');
    await rows().filter({ hasText: 'Snooze me' }).click();
    await page.getByRole('heading', { name: 'Snooze me' }).waitFor();
    await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();

    await page.keyboard.press('s');
    await page.getByRole('menu', { name: 'Snooze until' }).waitFor();
    await page.getByRole('menuitem', { name: /Tomorrow morning/ }).click();
    await page.getByTestId('snoozed-until').waitFor();
    expect(await page.getByTestId('snoozed-until').textContent()).toMatch(/^Snoozed until /);

    await openInbox('?status=open');
    expect(await rows().allTextContents()).toEqual([expect.stringContaining('Stay open')]);
    expect(await page.getByTestId('count-open').textContent()).toBe('1');
    expect(await page.getByTestId('count-snoozed').textContent()).toBe('1');
    await page.getByRole('link', { name: /Snoozed/ }).click();
    await page.waitForURL(/status=snoozed/);
    await rows().filter({ hasText: 'Snooze me' }).waitFor();
    expect(await rows().count()).toBe(1);

    // Two days on: past tomorrow morning in any time zone. The Open tab, left open, shows it again.
    await openInbox('?status=open');
    writeFileSync(clockFile, String(2 * 24 * 3_600_000));
    await rows().filter({ hasText: 'Snooze me' }).waitFor({ timeout: 20_000 });
    expect(await rows().count()).toBe(2);
    await page.locator('[data-testid="count-snoozed"]', { hasText: '0' }).waitFor();
    expect(await page.getByTestId('count-open').textContent()).toBe('2');
  });
});
