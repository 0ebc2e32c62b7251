import type { Browser, Page } from 'playwright-core';
import { contactTokenIn, withoutTag } from '../src/shared/domain/reply-address';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage, signUpInBrowser } from './support/browser';
import { makeTempDir } from './support/temp-dir';

// An admin builds a form, a visitor without JavaScript sends it from the hosted page, and the
// conversation it opens shows in the inbox with the submitted fields.

const dataDir = makeTempDir('inbox-forms-browser-');
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
  browser = await launchBrowser();
  page = await newPage(browser);
  await signUpInBrowser(page, app.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dataDir.cleanup();
});

describe('forms in the browser', () => {
  it('an admin creates a form, a visitor sends the hosted page without JavaScript, the conversation shows in the inbox', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forms' }).click();
    await page.waitForURL(`${app.baseUrl}/settings/forms`);
    await page.getByRole('link', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Support request');
    await page.getByRole('button', { name: 'Add field' }).click();
    const added = page.getByTestId('form-field-row').last();
    await added.getByLabel('Label').fill('Order number');
    expect(await added.getByLabel('Key').inputValue()).toBe('order_number');
    await added.getByLabel('Required').check();

    // The API's rule, shown on the row it is about.
    await page.getByTestId('form-field-row').nth(1).getByLabel('Type').selectOption('text');
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.getByRole('alert').filter({ hasText: 'A form needs exactly one email field' }).waitFor();
    await page.getByTestId('form-field-row').nth(1).getByLabel('Type').selectOption('email');
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.getByRole('status').filter({ hasText: 'Form created' }).waitFor();
    const formId = /\/settings\/forms\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    expect(formId).toBeTruthy();
    expect(await page.getByTestId('embed-snippet').first().textContent()).toContain(`action="${app.baseUrl}/api/forms/${formId}/submissions" method="post"`);
    const hosted = (await page.getByTestId('hosted-link').getAttribute('href')) as string;
    expect(hosted).toBe(`${app.baseUrl}/f/${formId}`);

    const visitorContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(hosted);
    await visitor.getByRole('heading', { name: 'Support request' }).waitFor();
    await visitor.getByLabel('Your name').fill('Carla Customer');
    await visitor.getByLabel('Your email').fill('carla@example.com');
    await visitor.getByLabel('How can we help?').fill('The zipper broke.');
    await visitor.getByLabel('Order number').fill('A-77');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByText('Thank you, your message has been sent.').waitFor();
    expect(visitor.url()).toBe(`${hosted}?sent=1`);
    await visitorContext.close();

    await page.goto(`${app.baseUrl}/inbox`);
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Support request' });
    await row.waitFor();
    await row.click();
    await page.getByText('Order number: A-77').waitFor();
    await page.getByText('How can we help?: The zipper broke.').waitFor();

    await page.goto(`${app.baseUrl}/settings/forms`);
    expect(await page.getByTestId('form-row').textContent()).toContain('1 submission');
  });

  it("shows the contact's reply address, or why there is none yet", async () => {
    await page.goto(`${app.baseUrl}/contacts`);
    await page.getByTestId('contact-row').first().click();
    await page.getByRole('heading', { name: 'Reply address' }).waitFor();
    expect(await page.getByRole('region', { name: 'Reply address' }).textContent()).toContain('no forwarding address yet');
    expect(await page.getByTestId('contact-activity').textContent()).toContain('Form submitted');

    await page.request.post(`${app.baseUrl}/api/channels/email/forwarding-address`, { data: { username: 'help', subdomain: `fb${Date.now().toString(36)}` } });
    await page.reload();
    const shown = (await page.getByTestId('reply-address').textContent()) ?? '';
    expect(contactTokenIn(shown)).not.toBeNull();
    expect(withoutTag(shown)).toMatch(/^help@fb[0-9a-z]+\.inbox\.test$/);
  });
});
