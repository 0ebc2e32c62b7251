import type { Page } from 'playwright-core';
import { newPage } from './support/browser';
import { PASSWORD, uniqueEmail } from './support/api-app';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { sendRaw, simpleMail } from './support/smtp-client';

// Anna writes an internal note mentioning Ben from the keyboard; Ben, signed in in another browser
// profile, sees his unread count rise without a reload, and the notification opens the thread at the note.

let running: BrowserApp;
let anna: Page;
let ben: Page;

beforeAll(async () => {
  running = await startBrowserApp();
  anna = running.page;
  const email = uniqueEmail('ben');
  const created = await anna.request.post(`${running.app.baseUrl}/api/users`, { data: { name: 'Ben Agent', email, password: PASSWORD, role: 'agent' } });
  expect(created.status()).toBe(201);
  ben = await newPage(running.browser);
  expect((await ben.request.post(`${running.app.baseUrl}/api/auth/login`, { data: { email, password: PASSWORD } })).ok()).toBe(true);
});
afterAll(() => running?.stop());

describe('internal notes in the browser', () => {
  it('notifies the mentioned colleague live, and the notification opens the thread at the note', async () => {
    const { app, address, smtpPort } = running;
    const subject = `Damaged parcel ${Date.now()}`;
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject }))).code).toBe(250);

    // Ben waits in his inbox, live; a marker on the window shows later that the page never reloaded.
    await ben.goto(`${app.baseUrl}/inbox`);
    await ben.locator('[data-testid="live-status"][data-live="true"]').waitFor();
    expect(await ben.getByTestId('notification-count').getAttribute('data-count')).toBe('0');
    await ben.evaluate(() => Object.assign(globalThis, { stillThisPage: true }));

    for (let i = 0; i < 60 && (await anna.getByTestId('conversation-row').filter({ hasText: subject }).count()) === 0; i++) {
      await anna.goto(`${app.baseUrl}/inbox`);
      await anna.waitForTimeout(100);
    }
    await anna.getByTestId('conversation-row').filter({ hasText: subject }).click();
    await anna.getByRole('heading', { name: subject }).waitFor();
    await anna.locator('[data-testid="live-status"][data-live="true"]').waitFor();

    // n opens the note box; @ opens the colleagues, Enter takes the one chosen.
    await anna.locator('body').press('n');
    await anna.locator('#note-text:focus').waitFor();
    await anna.keyboard.type('Carla is a VIP, @Be');
    await anna.getByRole('listbox', { name: 'Colleagues' }).getByRole('option', { name: 'Ben Agent' }).waitFor();
    await anna.keyboard.press('Enter');
    await anna.keyboard.type('please call her.');
    expect(await anna.locator('#note-text').inputValue()).toBe('Carla is a VIP, @Ben Agent please call her.');
    await anna.keyboard.press('Control+Enter');

    const note = anna.locator('[data-testid="thread-message"][data-direction="note"]');
    await note.getByText('please call her.').waitFor();
    expect(await note.getByText('Internal note').count()).toBe(1);
    expect(await note.getByTestId('mention').textContent()).toBe('@Ben Agent');
    expect(await note.textContent()).not.toContain('@[');
    expect(await anna.locator('#note-text').inputValue()).toBe('');

    // Ben's bell counts it, live.
    await ben.locator('[data-testid="notification-count"][data-count="1"]').waitFor({ timeout: 15_000 });
    expect(await ben.evaluate(() => (globalThis as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);

    await ben.getByTestId('notification-bell').click();
    const item = ben.getByTestId('notification');
    expect(await item.textContent()).toContain('Anna Owner mentioned you in');
    expect(await item.getAttribute('data-unread')).toBe('true');
    await item.click();
    await ben.waitForURL(/\/inbox\/[^/#]+#note-[\w-]+$/);
    const noteId = new URL(ben.url()).hash.slice('#note-'.length);
    const shown = ben.locator(`[id="note-${noteId}"]`);
    await shown.getByText('please call her.').waitFor();
    expect(await shown.isVisible()).toBe(true);
    // Opening it marked it read: no count left (the badge hides at zero).
    await ben.locator('[data-testid="notification-count"][data-count="0"]').waitFor({ state: 'attached' });
    expect((await ben.request.get(`${app.baseUrl}/api/notifications`).then((r) => r.json())) as unknown).toMatchObject({ unread: 0 });
  });
});
