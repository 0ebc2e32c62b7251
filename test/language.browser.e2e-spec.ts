import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage, signUpInBrowser } from './support/browser';
import { makeTempDir } from './support/temp-dir';

// Which language the pages speak: the signed-in user's choice on their profile, kept across
// reloads; for someone not signed in, the browser's.

const dataDir = makeTempDir('inbox-language-browser-');
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

describe('the language of the pages', () => {
  it('switches to German when the user chooses it on the profile, and stays so', async () => {
    const page = await newPage(browser);
    await signUpInBrowser(page, app.baseUrl);
    await page.goto(`${app.baseUrl}/profile`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByLabel('Language', { exact: true }).selectOption('de');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();
    await page.waitForFunction("document.documentElement.lang === 'de'");
    await page.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();
    expect(await page.getByLabel('Sprache', { exact: true }).inputValue()).toBe('de');
    expect(await page.title()).toBe('Profil · Inbox');
    await page.context().close();
  });

  it("follows the browser's language before anyone signs in", async () => {
    const german = await newPage(browser, { locale: 'de-DE' });
    await german.goto(`${app.baseUrl}/login`);
    expect(await german.locator('html').getAttribute('lang')).toBe('de');
    const english = await newPage(browser, { locale: 'en-US' });
    await english.goto(`${app.baseUrl}/login`);
    expect(await english.locator('html').getAttribute('lang')).toBe('en');
    await german.context().close();
    await english.context().close();
  });
});
