import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { openConversation } from './support/browser';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// The composer's prefilled subject for a mail's conversation, and the email settings that switch it
// (and the quoted history) from the page.

let running: BrowserApp;
let app: RunningApp;
let page: Page;
beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, page } = running);
});
afterAll(async () => {
  await running?.stop();
});

const channelSettings = async () =>
  ((await (await page.request.get(`${app.baseUrl}/api/channels`)).json()) as { email: { replySubject: string; quoteHistory: boolean } }).email;

describe('reply subjects in the browser', () => {
  it('prefills Re: and the customer’s subject; the settings page switches to the default subject and quoting off', async () => {
    const stamp = Date.now().toString(36);
    const subject = `AW: AW: Bremsen quietschen ${stamp}`;
    const mail = simpleMail({ from: 'Carla Kundin <carla@example.de>', to: running.address, subject, body: 'Die Bremsen quietschen noch.' });
    expect((await sendRaw(running.smtpPort, running.address, mail)).code).toBe(250);
    await openConversation(page, app.baseUrl, subject);
    expect(await page.getByLabel('Subject').inputValue()).toBe(`Re: Bremsen quietschen ${stamp}`);
    const conversationUrl = page.url();

    // The reply goes out with Carla's mail quoted below it; the thread folds the quote like a mail's.
    await page.locator('#reply-text').fill('We will look at the brakes tomorrow.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const outbound = page.locator('[data-testid="thread-message"][data-direction="outbound"]');
    const shown = outbound.frameLocator('[data-testid="mail-frame"]');
    await shown.getByText('We will look at the brakes tomorrow.').waitFor();
    expect(await shown.getByText(/Carla Kundin wrote:/).isVisible()).toBe(false);
    await outbound.getByRole('button', { name: 'Show quoted text' }).click();
    await shown.getByText(/Carla Kundin wrote:/).waitFor();
    await shown.getByText('Die Bremsen quietschen noch.').waitFor();

    await page.goto(`${app.baseUrl}/settings/channels/email`);
    const replies = page.getByRole('region', { name: 'Replies' });
    const threadChoice = replies.getByRole('radio', { name: /customer’s subject/ });
    const defaultChoice = replies.getByRole('radio', { name: /default subject line/ });
    const quoting = replies.getByRole('switch', { name: 'Quote the message answered' });
    expect(await threadChoice.isChecked()).toBe(true);
    expect(await quoting.getAttribute('aria-checked')).toBe('true');

    await defaultChoice.check();
    await quoting.click();
    await eventually(channelSettings, (email) => email.replySubject === 'default' && !email.quoteHistory, 'the settings saved');

    await page.reload();
    expect(await replies.getByRole('radio', { name: /default subject line/ }).isChecked()).toBe(true);
    expect(await replies.getByRole('switch', { name: 'Quote the message answered' }).getAttribute('aria-checked')).toBe('false');

    await page.goto(conversationUrl);
    await page.getByRole('heading', { name: subject }).waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Follow-up from our conversation');

    // And back with the keyboard: the radio group answers to the arrow keys.
    await page.goto(`${app.baseUrl}/settings/channels/email`);
    await replies.getByRole('radio', { name: /default subject line/ }).focus();
    await page.keyboard.press('ArrowUp');
    await eventually(channelSettings, (email) => email.replySubject === 'thread', 'the thread subject saved');
    expect((await page.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });
});
