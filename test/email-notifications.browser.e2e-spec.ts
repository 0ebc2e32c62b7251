import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage, signUpInBrowser } from './support/browser';
import { makeTempDir } from './support/temp-dir';

// The profile's "Notifications by email" section: three checkboxes, on by default, saved together,
// as the page shows them after a reload, in English and in German.

const dataDir = makeTempDir('inbox-email-notifications-browser-');
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: dataDir.path });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dataDir.cleanup();
});

it('turns mentions off by email from the profile, from the keyboard, and shows it after a reload and in German', async () => {
  const page = await newPage(browser);
  await signUpInBrowser(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/profile`);
  await page.getByRole('heading', { level: 2, name: 'Notifications by email' }).waitFor();
  for (const name of ['Mentions', 'Assignments', 'Replies that could not be delivered']) {
    expect(await page.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(true);
  }

  await page.getByRole('checkbox', { name: 'Mentions', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Save notifications' }).click();
  await page.getByRole('status').filter({ hasText: 'Notifications saved' }).waitFor();

  await page.reload();
  expect(await page.getByRole('checkbox', { name: 'Mentions', exact: true }).isChecked()).toBe(false);
  expect(await page.getByRole('checkbox', { name: 'Assignments', exact: true }).isChecked()).toBe(true);
  const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as { notifications: unknown };
  expect(me.notifications).toEqual({ mention: false, assignment: true, replyFailed: true });

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Benachrichtigungen per E-Mail' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Erwähnungen', exact: true }).isChecked()).toBe(false);
  await page.context().close();
});
