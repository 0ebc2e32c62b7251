import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage as newPageIn } from './support/browser';
import { makeTempDir } from './support/temp-dir';
import { PASSWORD, uniqueEmail } from './support/api-app';

const dataDir = makeTempDir('inbox-browser-');
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

const newPage = () => newPageIn(browser);

const navLabels = async (page: Page) =>
  (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) => t.trim());

describe('accounts in the browser', () => {
  it('signs up, adds an agent, and the agent signs in to an agent-sized navigation', async () => {
    const owner = await newPage();
    const ownerEmail = uniqueEmail('owner');
    const agentEmail = uniqueEmail('agent');

    await owner.goto(`${app.baseUrl}/`);
    await owner.getByRole('link', { name: 'Create an account' }).click();
    await owner.getByLabel('Company or team name').fill('Acme Support');
    await owner.getByLabel('Your full name').fill('Anna Owner');
    await owner.getByLabel('Work email').fill(ownerEmail);
    await owner.getByLabel('Password').fill('short');
    await owner.getByRole('button', { name: 'Create account' }).click();
    // The API's reason, on the field it is about.
    await owner.getByText('The password must be at least 12 characters long.').waitFor();

    await owner.getByLabel('Password').fill(PASSWORD);
    await owner.getByRole('button', { name: 'Create account' }).click();
    await owner.waitForURL(`${app.baseUrl}/inbox`);
    expect(await owner.getByTestId('current-user').textContent()).toBe('Anna Owner');
    expect(await navLabels(owner)).toEqual(['Inbox', 'Contacts', 'Channels', 'Users', 'Forms', 'Saved replies', 'Tags', 'Account', 'Failed mail', 'Audit']);

    await owner.getByRole('link', { name: 'Users' }).click();
    await owner.waitForURL(`${app.baseUrl}/settings/users`);
    const form = owner.getByRole('region', { name: 'Add a user' });
    await form.getByLabel('Full name').fill('Alex Agent');
    await form.getByLabel('Email').fill(agentEmail);
    await form.getByLabel('Role').selectOption('agent');
    await form.getByLabel('Initial password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Add user' }).click();
    await owner.getByRole('status').filter({ hasText: 'User added.' }).waitFor();
    await owner.getByTestId('user-row').filter({ hasText: agentEmail }).waitFor();

    const agent = await newPage();
    await agent.goto(`${app.baseUrl}/login`);
    await agent.getByLabel('Email').fill(agentEmail);
    await agent.getByLabel('Password').fill('not the password');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('alert').filter({ hasText: 'The email or password is wrong' }).waitFor();
    await agent.getByLabel('Password').fill(PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.waitForURL(`${app.baseUrl}/inbox`);
    expect(await agent.getByTestId('current-user').textContent()).toBe('Alex Agent');
    expect(await navLabels(agent)).toEqual(['Inbox', 'Contacts', 'Channels']);

    const forbidden = await agent.goto(`${app.baseUrl}/settings/users`);
    expect(forbidden?.status()).toBe(403);
    await agent.getByRole('heading', { name: 'You may not open this page' }).waitFor();

    await agent.goto(`${app.baseUrl}/inbox`);
    await agent.getByRole('button', { name: 'Sign out' }).click();
    await agent.waitForURL(`${app.baseUrl}/login`);
    await agent.goto(`${app.baseUrl}/inbox`);
    await agent.waitForURL(`${app.baseUrl}/login`);
  });

  it('shows the 404 page for an unknown page', async () => {
    const page = await newPage();
    const response = await page.goto(`${app.baseUrl}/settings/nothing-here`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'There is nothing here' }).waitFor();
  });
});
