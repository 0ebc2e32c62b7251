import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

// A visitor chats on the widget page, leaves an email, confirms it with the code mailed to it and
// goes; the agent's answer reaches them by email, and their email answer lands in the same conversation.

let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let browser: Browser;
let agent: Page;
let address: string;
let accountId: string;
let smtpPort: number;

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url });
  ({ app, browser, page: agent, address, accountId, smtpPort } = running);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
});

async function reloadUntil(page: Page, url: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.goto(url);
    if (await check()) return;
    await page.waitForTimeout(150);
  }
  throw new Error(`${url} never showed what was expected`);
}

it('switches chat on in Channels, where the embed snippet appears', async () => {
  await agent.goto(`${app.baseUrl}/settings/channels`);
  await agent.getByRole('switch', { name: 'Enable Chat' }).click();
  await agent.getByTestId('chat-snippet').waitFor();
  expect(await agent.getByTestId('chat-snippet').textContent()).toContain(`data-account="${accountId}"`);
});

it('a visitor chats, leaves an email and goes; the reply arrives by email and their answer threads back', async () => {
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${app.baseUrl}/chat/${accountId}`);
  await visitor.locator('[data-testid="chat-live"][data-live="true"]').waitFor();
  await visitor.getByLabel('Your name (optional)').fill('Vic');
  await visitor.getByRole('textbox', { name: 'Message' }).fill('Do you ship to Norway?');
  await visitor.getByRole('textbox', { name: 'Message' }).press('Enter');
  await visitor.locator('[data-testid="chat-line"][data-author="visitor"]').getByText('Do you ship to Norway?').waitFor();
  await visitor.getByLabel('Leave your email and we will answer there if you go').fill('vic@example.com');
  await visitor.getByRole('button', { name: 'Save' }).click();
  // The address is only a claim until the visitor enters the code mailed to it.
  const [codeMail] = await relay.waitFor(1);
  expect(codeMail.envelope.to).toEqual(['vic@example.com']);
  const code = await relay.codeMailedTo('vic@example.com');
  await visitor.getByLabel('Enter the code we mailed to vic@example.com').fill(code === '000000' ? '111111' : '000000');
  await visitor.getByRole('button', { name: 'Confirm' }).click();
  await visitor.getByRole('alert').getByText('This is not the code we sent you (4 attempts left).').waitFor();
  expect(await visitor.getByTestId('chat-email').count()).toBe(0);
  await visitor.getByLabel('Enter the code we mailed to vic@example.com').fill(code);
  await visitor.getByRole('button', { name: 'Confirm' }).click();
  await visitor.getByTestId('chat-email').waitFor();

  await reloadUntil(agent, `${app.baseUrl}/inbox`, async () => (await agent.getByTestId('conversation-row').filter({ hasText: 'Chat with Vic' }).count()) === 1);
  await agent.getByTestId('conversation-row').filter({ hasText: 'Chat with Vic' }).click();
  await agent.getByRole('heading', { name: 'Chat with Vic' }).waitFor();
  expect(await agent.getByTestId('composer-note').textContent()).toContain('online');
  await agent.locator('#reply-text').fill('Yes, in 3 days.');
  await agent.getByRole('button', { name: 'Send reply' }).click();
  await visitor.locator('[data-testid="chat-line"][data-author="agent"]').getByText('Yes, in 3 days.').waitFor({ timeout: 10_000 });
  // Live both ways: the visitor's next line shows in the agent's open thread without a reload.
  await agent.locator('[data-testid="live-status"][data-live="true"]').waitFor();
  await visitor.getByRole('textbox', { name: 'Message' }).fill('Great, thanks!');
  await visitor.getByRole('textbox', { name: 'Message' }).press('Enter');
  await agent.getByTestId('thread-message').filter({ hasText: 'Great, thanks!' }).waitFor({ timeout: 10_000 });

  await visitorContext.close();
  const thread = agent.url();
  await reloadUntil(agent, thread, async () => ((await agent.getByTestId('composer-note').textContent()) ?? '').includes('by email to vic@example.com'));
  await agent.locator('#reply-text').fill('The parcel left today.');
  await agent.getByRole('button', { name: 'Send reply' }).click();
  const mail = (await relay.waitFor(2))[1];
  expect(mail.envelope.to).toEqual(['vic@example.com']);
  expect(mail.parsed.text).toContain('The parcel left today.');

  const answer = simpleMail({ to: address, from: 'Vic <vic@example.com>', subject: `Re: ${mail.parsed.subject}`, headers: [`In-Reply-To: ${mail.parsed.messageId}`], body: 'Thank you!' });
  expect((await sendRaw(smtpPort, address, answer)).code).toBe(250);
  await reloadUntil(agent, thread, async () => (await agent.getByTestId('thread-message').count()) === 5);
  expect(await agent.getByTestId('thread-message').last().textContent()).toContain('Thank you!');
  await agent.goto(`${app.baseUrl}/inbox`);
  expect(await agent.getByTestId('conversation-row').count()).toBe(1);
});
