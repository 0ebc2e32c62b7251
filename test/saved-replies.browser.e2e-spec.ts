import type { Page } from 'playwright-core';
import { PASSWORD, uniqueEmail } from './support/api-app';
import type { RunningApp } from './support/app-process';
import { newPage } from './support/browser';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { sendRaw, simpleMail } from './support/smtp-client';

// An admin keeps a saved reply with variables under Settings; an agent types / and its name in the
// composer, gets it filled in for the conversation, and sends it.

let running: BrowserApp;
let app: RunningApp;
let admin: Page;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, page: admin } = running);
});
afterAll(() => running?.stop());

describe('saved replies in the browser', () => {
  it('an admin saves one with variables; an agent inserts it by /name, rendered, and sends it', async () => {
    await admin.goto(`${app.baseUrl}/settings/saved-replies`);
    await admin.getByRole('heading', { name: 'Saved replies', level: 1 }).waitFor();
    await admin.getByLabel('Name', { exact: true }).fill('Order shipped');
    const body = admin.getByLabel('Text', { exact: true });
    await body.fill('Hi {{contact.name}}, we will call {{contact.phone}}.');
    await admin.getByRole('button', { name: 'Create saved reply' }).click();
    // The API's refusal shows at the field it names, and what was typed stays.
    await admin.getByTestId('saved-reply-body-error').getByText('uses an unknown variable: {{contact.phone}}', { exact: false }).waitFor();
    expect(await admin.getByLabel('Text', { exact: true }).inputValue()).toContain('{{contact.phone}}');

    await admin.getByLabel('Text', { exact: true }).fill('Hi {{contact.name}}, your order "');
    await admin.getByLabel('Text', { exact: true }).press('End');
    await admin.getByRole('button', { name: 'Insert {{conversation.subject}}' }).click();
    await admin.getByLabel('Text', { exact: true }).press('End');
    await admin.getByLabel('Text', { exact: true }).pressSequentially('" has shipped. {{ agent.name }}');
    await admin.getByRole('button', { name: 'Create saved reply' }).click();
    await admin.getByTestId('saved-reply-row').filter({ hasText: 'Order shipped' }).waitFor();

    // A mail comes in, and an agent of the account signs in.
    const subject = `Order 77 ${Date.now()}`;
    expect((await sendRaw(running.smtpPort, running.address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: running.address, subject }))).code).toBe(250);
    const email = uniqueEmail('agent');
    expect((await admin.request.post(`${app.baseUrl}/api/users`, { data: { name: 'Alex Agent', email, password: PASSWORD, role: 'agent' } })).status()).toBe(201);
    const agent = await newPage(running.browser);
    await agent.goto(`${app.baseUrl}/login`);
    await agent.getByLabel('Email').fill(email);
    await agent.getByLabel('Password').fill(PASSWORD);
    await agent.getByRole('button', { name: /sign in/i }).click();
    await agent.waitForURL(`${app.baseUrl}/inbox`);
    for (let i = 0; i < 100 && (await agent.getByTestId('conversation-row').filter({ hasText: subject }).count()) === 0; i++) {
      await agent.waitForTimeout(100);
      await agent.goto(`${app.baseUrl}/inbox`);
    }
    await agent.getByTestId('conversation-row').filter({ hasText: subject }).click();
    await agent.getByRole('heading', { name: subject }).waitFor();

    const box = agent.locator('#reply-text');
    await box.click();
    await box.pressSequentially('Hello!\n/order');
    const option = agent.getByTestId('saved-reply-picker').getByRole('option', { name: /Order shipped/ });
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    const rendered = `Hi Carla Customer, your order "${subject}" has shipped. Alex Agent`;
    // The API renders it first: the picker closes once the text is in.
    await agent.getByTestId('saved-reply-picker').waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe(`Hello!\n${rendered}`);

    await box.press('Control+Enter');
    await agent.locator('[data-testid="thread-message"][data-direction="outbound"]').frameLocator('[data-testid="mail-frame"]').getByText(rendered).waitFor();
    expect(await box.inputValue()).toBe('');

    // # opens the picker from the thread, searchable; Escape closes it.
    await agent.getByRole('heading', { name: subject }).click();
    await agent.locator('body').press('#');
    const search = agent.getByRole('combobox', { name: 'Search saved replies' });
    await search.waitFor();
    await search.fill('shipped');
    await agent.getByTestId('saved-reply-picker').getByRole('option', { name: /Order shipped/ }).waitFor();
    await search.press('Escape');
    await agent.locator('#reply-text:focus').waitFor();
    expect(await agent.getByTestId('saved-reply-picker').count()).toBe(0);
    await agent.context().close();
  });
});
