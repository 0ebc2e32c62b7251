import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD, uniqueEmail } from './api-app';

/** Debian's Chromium, headless, with nothing reaching out to the network by itself. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh browser profile at 1280×800 (in English unless a `locale` is given) where a script error or any dialog fails the test. */
export async function newPage(browser: Browser, { locale = 'en-US' }: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  return page;
}

/** Opens an account through the sign-up page, as its primary admin, and lands in the inbox. */
export async function signUpInBrowser(page: Page, baseUrl: string, owner = { accountName: 'Acme', name: 'Anna Owner' }): Promise<void> {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('Company or team name').fill(owner.accountName);
  await page.getByLabel('Your full name').fill(owner.name);
  await page.getByLabel('Work email').fill(uniqueEmail('owner'));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${baseUrl}/inbox`);
}

/** Opens the thread of `subject` from the inbox list, once the mail behind it has shown up there. */
export async function openConversation(page: Page, baseUrl: string, subject: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.goto(`${baseUrl}/inbox`);
    if ((await page.getByTestId('conversation-row').filter({ hasText: subject }).count()) === 1) break;
    await page.waitForTimeout(100);
  }
  await page.getByTestId('conversation-row').filter({ hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
}
