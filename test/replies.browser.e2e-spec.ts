import { openConversation } from './support/browser';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

// An agent answers from the keyboard; the reply goes through the outbox to a real relay.

let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let page: Page;
let address: string;
let smtpPort: number;

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url });
  ({ app, page, address, smtpPort } = running);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
});

describe('replying in the browser', () => {
  it('from the inbox by keyboard: j selects, r opens it ready to reply, Ctrl+Enter sends; e closes it', async () => {
    const subject = `Need help ${Date.now()}`;
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject }))).code).toBe(250);
    for (let i = 0; i < 60 && (await page.getByTestId('conversation-row').filter({ hasText: subject }).count()) === 0; i++) {
      await page.goto(`${app.baseUrl}/inbox`);
      await page.waitForTimeout(100);
    }
    await page.locator('body').press('j');
    await page.locator('body').press('r');
    await page.getByRole('heading', { name: subject }).waitFor();
    await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
    await page.locator('#reply-text:focus').waitFor();

    expect(await page.getByTestId('composer-from').textContent()).toContain(`<${address}>`);
    expect(await page.getByLabel('Subject').inputValue()).toBe(`Re: ${subject}`);
    await page.keyboard.type('We have sent a replacement.');
    await page.keyboard.press('Control+Enter');

    const outbound = page.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound.frameLocator('[data-testid="mail-frame"]').getByText('We have sent a replacement.').waitFor();
    await outbound.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 15_000 });
    const [mail] = await relay.waitFor(1);
    expect(mail.envelope.to).toEqual(['carla@example.com']);
    expect(mail.parsed.subject).toBe(`Re: ${subject}`);
    expect(mail.parsed.text).toContain('We have sent a replacement.');
    expect(await page.locator('#reply-text').inputValue()).toBe('');
    // On the thread itself r starts a reply too, and Escape leaves the box for the other keys.
    await page.locator('body').press('r');
    await page.locator('#reply-text:focus').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('#reply-text:focus').count()).toBe(0);

    // Give it to a colleague from the assignee list (agents may do this too: the list is not admin-only).
    const colleague = await page.request.post(`${app.baseUrl}/api/users`, { data: { name: 'Alex Agent', email: `alex.${Date.now()}@example.com`, password: 'correct horse battery', role: 'agent' } });
    const { userId } = (await colleague.json()) as { userId: string };
    await page.reload();
    await page.getByLabel('Assignee').selectOption({ label: 'Alex Agent' });
    const conversationId = page.url().split('/').pop() as string;
    const assigneeNow = async () => ((await (await page.request.get(`${app.baseUrl}/api/conversations/${conversationId}`)).json()) as { assignee: string | null }).assignee;
    for (let i = 0; i < 50 && (await assigneeNow()) !== userId; i++) await page.waitForTimeout(100);
    expect(await assigneeNow()).toBe(userId);

    // Keys typed into a form control stay there: leave the assignee picker first.
    await page.getByRole('heading', { name: subject }).click();
    // The assignment's page refresh can still be on its way (the actions are disabled until it lands).
    await page.locator('button[name="action"][value="close"]:not([disabled])').waitFor();
    await page.locator('body').press('e');
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    expect(await page.getByTestId('conversation-status').textContent()).toBe('closed');
  });

  it('says why no reply can be sent while the email channel is off', async () => {
    const subject = `Channel off ${Date.now()}`;
    expect((await sendRaw(smtpPort, address, simpleMail({ to: address, subject }))).code).toBe(250);
    await page.request.patch(`${app.baseUrl}/api/channels/email`, { data: { enabled: false } });
    try {
      await openConversation(page, app.baseUrl, subject);
      expect(await page.getByTestId('composer-disabled').textContent()).toContain('switched off');
      expect(await page.locator('#reply-text').count()).toBe(0);
    } finally {
      await page.request.patch(`${app.baseUrl}/api/channels/email`, { data: { enabled: true } });
    }
  });
});
