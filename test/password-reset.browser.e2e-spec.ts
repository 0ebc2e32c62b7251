import type { Browser } from 'playwright-core';
import { PASSWORD, uniqueEmail } from './support/api-app';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage } from './support/browser';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { makeTempDir } from './support/temp-dir';

// Forgot password in the browser: the link from the mail at the relay, a new password, signed in;
// the old password no longer works, and the link used once shows why it no longer does.

const dataDir = makeTempDir('inbox-password-browser-');
const PUBLIC_URL = 'https://help.acme.example';
const NEW_PASSWORD = 'quiet lantern over the bay';
let app: RunningApp;
let browser: Browser;
let relay: CaptureRelay;

beforeAll(async () => {
  relay = await CaptureRelay.start();
  app = await startApp({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url, PUBLIC_URL });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await relay?.close();
  dataDir.cleanup();
});

describe('password reset in the browser', () => {
  it('mails a link from the forgot-password page that sets a new password and signs in; the old one and the used link no longer work', async () => {
    const email = uniqueEmail('owner');
    const signUp = await (await newPage(browser)).request.post(`${app.baseUrl}/api/accounts`, {
      data: { accountName: 'Acme', ownerName: 'Anna Owner', email, password: PASSWORD, plan: 'trial' },
    });
    expect(signUp.status()).toBe(201);

    const page = await newPage(browser);
    await page.goto(`${app.baseUrl}/login`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(`${app.baseUrl}/forgot-password`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'If a user has this address' }).waitFor();

    const mails = await eventually(async () => relay.received.filter((mail) => mail.envelope.to.includes(email)), (found) => found.length === 1, 'the reset mail');
    const link = new RegExp(`${PUBLIC_URL}(/reset-password/[A-Za-z0-9_-]+)`).exec(mails[0].parsed.text ?? '')?.[1];
    expect(link).toBeDefined();

    await page.goto(`${app.baseUrl}${link}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill('not the same one at all');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByText('The two new passwords differ.').waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.waitForURL(`${app.baseUrl}/inbox`);

    const stranger = await newPage(browser);
    const old = await stranger.request.post(`${app.baseUrl}/api/auth/login`, { data: { email, password: PASSWORD } });
    expect(old.status()).toBe(401);
    const fresh = await stranger.request.post(`${app.baseUrl}/api/auth/login`, { data: { email, password: NEW_PASSWORD } });
    expect(fresh.status()).toBe(200);

    const again = await newPage(browser);
    await again.goto(`${app.baseUrl}${link}`);
    await again.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await again.getByLabel('Repeat the new password').fill('another long passphrase');
    await again.getByRole('button', { name: 'Set the password' }).click();
    await again.getByRole('heading', { name: 'This link has been used' }).waitFor();
    await again.getByRole('link', { name: 'Ask for a new link' }).click();
    await again.waitForURL(`${app.baseUrl}/forgot-password`);
  });

  it('changes the password on the profile with the current one', async () => {
    const email = uniqueEmail('owner');
    const page = await newPage(browser);
    const signUp = await page.request.post(`${app.baseUrl}/api/accounts`, {
      data: { accountName: 'Acme', ownerName: 'Anna Owner', email, password: PASSWORD, plan: 'trial' },
    });
    expect(signUp.status()).toBe(201);
    await page.goto(`${app.baseUrl}/profile`);
    await page.getByRole('heading', { name: 'Password' }).waitFor();
    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password.').waitFor();

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Password' }).waitFor();
    const stranger = await newPage(browser);
    expect((await stranger.request.post(`${app.baseUrl}/api/auth/login`, { data: { email, password: NEW_PASSWORD } })).status()).toBe(200);
  });
});
