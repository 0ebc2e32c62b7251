import type { Page } from 'playwright-core';
import { newPage } from './support/browser';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { sendRaw, simpleMail } from './support/smtp-client';

// Two agents in one thread, each in their own browser: each sees the other viewing and typing,
// live; a reply sent after the other agent answered is held, shows that answer, and goes with "Send anyway".

const PASSWORD = 'correct horse battery';
let running: BrowserApp;
beforeAll(async () => {
  running = await startBrowserApp();
});
afterAll(async () => {
  await running?.stop();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${running.app.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${running.app.baseUrl}/inbox`);
}

async function openThread(page: Page, subject: string): Promise<string> {
  for (let i = 0; i < 60 && (await page.getByTestId('conversation-row').filter({ hasText: subject }).count()) === 0; i++) {
    await page.goto(`${running.app.baseUrl}/inbox`);
    await page.waitForTimeout(100);
  }
  await page.getByTestId('conversation-row').filter({ hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
  await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
  return page.url();
}

describe('collision detection in two browsers', () => {
  it('shows who views and types, holds a reply sent after the colleague answered, and sends it anyway', async () => {
    const { app, page: anna, address, smtpPort } = running;
    const benEmail = `ben.${Date.now()}@example.com`;
    const created = await anna.request.post(`${app.baseUrl}/api/users`, { data: { name: 'Ben Agent', email: benEmail, password: PASSWORD, role: 'agent' } });
    expect(created.status()).toBe(201);
    const ben = await newPage(running.browser);
    await signIn(ben, benEmail);

    const subject = `Zipper broke ${Date.now()}`;
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject }))).code).toBe(250);
    const url = await openThread(anna, subject);
    await openThread(ben, subject);

    // Each sees the other, live.
    await ben.getByTestId('presence-user').filter({ hasText: 'Anna Owner is viewing' }).waitFor();
    await anna.getByTestId('presence-user').filter({ hasText: 'Ben Agent is viewing' }).waitFor();
    await anna.locator('#reply-text').click();
    await anna.keyboard.type('I will send you a new zipper.');
    await ben.getByTestId('presence-user').filter({ hasText: 'Anna Owner is typing a reply…' }).waitFor();

    // Ben answers first; Anna's thread shows it live, but her reply began before it.
    await ben.locator('#reply-text').fill('Ben here: a refund is on its way.');
    await ben.getByRole('button', { name: 'Send reply' }).click();
    await anna.locator('[data-testid="thread-message"][data-direction="outbound"]').frameLocator('[data-testid="mail-frame"]').getByText('Ben here: a refund is on its way.').waitFor();
    await anna.getByRole('button', { name: 'Send reply' }).click();

    const held = anna.getByTestId('held-send');
    await held.getByTestId('arrived-message').filter({ hasText: 'Ben here: a refund is on its way.' }).waitFor();
    expect(await held.getByTestId('arrived-message').count()).toBe(1);
    expect(await anna.locator('[data-testid="thread-message"][data-direction="outbound"]').count()).toBe(1);
    expect(await anna.locator('#reply-text').inputValue()).toBe('I will send you a new zipper.');

    await held.getByRole('button', { name: 'Send anyway' }).click();
    await anna.locator('[data-testid="thread-message"][data-direction="outbound"]').last().frameLocator('[data-testid="mail-frame"]').getByText('I will send you a new zipper.').waitFor();
    await held.waitFor({ state: 'detached' });
    expect(await anna.locator('#reply-text').inputValue()).toBe('');
    expect(anna.url()).toBe(url);

    // Ben closes his tab: he is gone from Anna's thread at once (the goodbye beacon).
    await ben.getByTestId('presence-user').filter({ hasText: 'Anna Owner is viewing' }).waitFor();
    await ben.close({ runBeforeUnload: true });
    await anna.getByTestId('presence-user').filter({ hasText: 'Ben Agent' }).waitFor({ state: 'detached' });
  });
});
