import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage as newPageIn, signUpInBrowser } from './support/browser';
import { makeTempDir } from './support/temp-dir';
import { PASSWORD, uniqueEmail } from './support/api-app';

const dataDir = makeTempDir('inbox-channels-browser-');
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dataDir.cleanup();
});

const newPage = () => newPageIn(browser);
const signUpAsOwner = (page: Page) => signUpInBrowser(page, app.baseUrl);

const previewSubject = (page: Page) => page.getByTestId('preview-subject');

describe('email channel settings in the browser', () => {
  let owner: Page;
  const subdomain = `acme${Date.now().toString(36)}`;

  beforeAll(async () => {
    owner = await newPage();
    await signUpAsOwner(owner);
  });

  it('shows the channels tab with email on and chat off', async () => {
    await owner.getByRole('link', { name: 'Channels' }).click();
    await owner.waitForURL(`${app.baseUrl}/settings/channels`);
    const email = owner.getByRole('region', { name: 'Email' });
    await email.getByText('Enabled').waitFor();
    const chat = owner.getByRole('region', { name: 'Chat' });
    expect(await chat.getByRole('switch', { name: 'Enable Chat' }).getAttribute('aria-checked')).toBe('false');
  });

  it('removes and re-adds the timestamp chip, and the live preview follows', async () => {
    await owner.goto(`${app.baseUrl}/settings/channels/email`);
    await previewSubject(owner).filter({ hasText: /^Follow-up from our conversation$/ }).waitFor();
    expect(await owner.getByTestId('preview-from').textContent()).toContain('"Anna Owner from Acme"');

    await owner.getByRole('button', { name: 'Add message timestamp' }).click();
    await owner.getByTestId('defaultSubject-chip').waitFor();
    const year = String(new Date().getUTCFullYear());
    await previewSubject(owner).filter({ hasText: year }).waitFor();

    await owner.getByRole('button', { name: 'Remove message timestamp' }).click();
    await previewSubject(owner).filter({ hasText: /^Follow-up from our conversation$/ }).waitFor();
    expect(await owner.getByTestId('defaultSubject-chip').count()).toBe(0);

    await owner.getByRole('button', { name: 'Add message timestamp' }).click();
    await previewSubject(owner).filter({ hasText: year }).waitFor();
    await owner.getByLabel('Default subject line', { exact: true }).fill('Your request of ');
    await previewSubject(owner).filter({ hasText: new RegExp(`^Your request of .*${year}`) }).waitFor();

    await owner.getByRole('button', { name: 'Remove agent name' }).click();
    await owner.getByTestId('preview-from').filter({ hasText: /^"from Acme"|^"Acme"/ }).waitFor();
    await owner.getByRole('button', { name: 'Add agent name' }).click();
    await owner.getByTestId('preview-from').filter({ hasText: 'Anna Owner' }).waitFor();

    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  });

  it('claims the forwarding address after a confirmation, then shows it locked with instructions', async () => {
    await owner.goto(`${app.baseUrl}/settings/channels/email`);
    expect(await owner.getByTestId('address-suffix').textContent()).toBe('.inbox.test');
    await owner.getByLabel('Username').fill('Support');
    await owner.getByLabel('Subdomain').fill(subdomain);
    await owner.getByRole('button', { name: 'Claim address' }).click();
    await owner.getByRole('alertdialog').getByText('can never be changed or released').waitFor();
    await owner.getByRole('button', { name: 'Yes, claim it for good' }).click();

    await owner.getByTestId('forwarding-address').filter({ hasText: `support@${subdomain}.inbox.test` }).waitFor();
    expect(await owner.getByLabel('Username').count()).toBe(0);
    await owner.getByText('This address is permanent').waitFor();
    await owner.getByRole('button', { name: 'Copy address' }).waitFor();
    await owner.getByRole('heading', { name: 'Gmail or Google Workspace' }).waitFor();
    await owner.getByRole('heading', { name: 'Outlook or Microsoft 365' }).waitFor();
  });

  it('shows the audit timeline with the changes and an intact chain', async () => {
    await owner.getByRole('link', { name: 'Audit' }).click();
    await owner.waitForURL(`${app.baseUrl}/audit`);
    await owner.getByText('Hash chain intact').waitFor();
    const events = await owner.getByTestId('audit-event').allTextContents();
    expect(events.some((e) => e.includes('Forwarding address claimed') && e.includes('Anna Owner'))).toBe(true);
    expect(events.some((e) => e.includes('Email enabled') && e.includes('because the account opened'))).toBe(true);
    expect(await owner.getByTestId('audit-state').textContent()).toContain(`support@${subdomain}.inbox.test`);

    // State as of the second the account opened (account time zone UTC): no address yet.
    const history = (await (await owner.request.get(`${app.baseUrl}/api/audit/channel-configuration`)).json()) as { events: Array<{ at: string }> };
    await owner.getByLabel('State as of').fill(history.events[1].at.slice(0, 19));
    await owner.getByRole('button', { name: 'Show' }).click();
    await owner.getByRole('heading', { name: /^State at / }).waitFor();
    const asOf = await owner.getByTestId('audit-state').textContent();
    expect(asOf).not.toContain('support@');
    expect(asOf).toContain('Follow-up from our conversation');
  });

  it('shows an agent the page read-only, with the reason', async () => {
    const agentEmail = uniqueEmail('agent');
    const created = await owner.request.post(`${app.baseUrl}/api/users`, {
      data: { name: 'Alex Agent', email: agentEmail, password: PASSWORD, role: 'agent' },
    });
    expect(created.status()).toBe(201);

    const agent = await newPage();
    await agent.goto(`${app.baseUrl}/login`);
    await agent.getByLabel('Email').fill(agentEmail);
    await agent.getByLabel('Password').fill(PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.waitForURL(`${app.baseUrl}/inbox`);

    await agent.goto(`${app.baseUrl}/settings/channels/email`);
    await agent.getByRole('note').filter({ hasText: 'only the primary admin of the account can change the email channel' }).waitFor();
    expect(await agent.getByRole('switch', { name: 'Enable Email' }).isDisabled()).toBe(true);
    expect(await agent.getByRole('textbox').count()).toBe(0);
    expect(await agent.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await agent.getByTestId('readonly-subject').textContent()).toBe('Your request of {{conversation_started_at}}');
    expect(await agent.getByTestId('forwarding-address').textContent()).toBe(`support@${subdomain}.inbox.test`);

    const audit = await agent.goto(`${app.baseUrl}/audit`);
    expect(audit?.status()).toBe(403);
  });
});
