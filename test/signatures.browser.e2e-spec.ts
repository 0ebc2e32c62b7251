import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage, openConversation, signUpInBrowser } from './support/browser';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';

// The profile's signature, the channel's signature, and the settings preview that shows both and
// keeps up with what is saved: the claimed address, and its body after Save.

const dataDir = makeTempDir('inbox-signatures-browser-');
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

const SAMPLE = 'Thanks for getting in touch';
const previewBody = (page: Page) => page.frameLocator('iframe[title="Email body preview"]').locator('body');

describe('signatures in the browser', () => {
  let owner: Page;
  const subdomain = `sig${Date.now().toString(36)}`;

  beforeAll(async () => {
    owner = await newPage(browser);
    await signUpInBrowser(owner, app.baseUrl);
  });

  it('keeps the signature set on the profile, reached from the user menu', async () => {
    await owner.getByRole('link', { name: 'Profile' }).click();
    await owner.waitForURL(`${app.baseUrl}/profile`);
    const box = owner.getByLabel('Your signature', { exact: true });
    await box.fill('Anna at Acme\n');
    await owner.getByRole('button', { name: 'Insert {{agent.email}} into your signature' }).click();
    await owner.getByRole('button', { name: 'Save signature' }).click();
    await owner.getByRole('status').filter({ hasText: 'Signature saved' }).waitFor();

    await owner.reload();
    expect(await owner.getByLabel('Your signature', { exact: true }).inputValue()).toBe('Anna at Acme\n{{agent.email}}');

    await owner.getByLabel('Your signature', { exact: true }).fill('Anna {{agent.phone}}');
    await owner.getByRole('button', { name: 'Save signature' }).click();
    await owner.getByTestId('profile-signature-error').filter({ hasText: 'uses an unknown variable: {{agent.phone}}' }).waitFor();
    expect(await owner.getByLabel('Your signature', { exact: true }).inputValue()).toBe('Anna {{agent.phone}}');
  });

  it('shows both signatures in the settings preview, which keeps the claimed address and its body after Save', async () => {
    await owner.goto(`${app.baseUrl}/settings/channels/email`);
    await previewBody(owner).getByText('Anna at Acme').waitFor();
    await owner.getByText('(no forwarding address yet)').waitFor();

    await owner.getByLabel('Channel signature', { exact: true }).fill('Acme support, for {{contact.name}}');
    await previewBody(owner).getByText('Acme support, for Sam Sample').waitFor();

    // Claiming the address on the same page: the preview's from line follows.
    await owner.getByLabel('Username').fill('help');
    await owner.getByLabel('Subdomain').fill(subdomain);
    await owner.getByRole('button', { name: 'Claim address' }).click();
    await owner.getByRole('button', { name: 'Yes, claim it for good' }).click();
    await owner.getByTestId('forwarding-address').waitFor();
    await owner.getByTestId('preview-from').filter({ hasText: `<help@${subdomain}.inbox.test>` }).waitFor();
    expect(await owner.getByText('(no forwarding address yet)').count()).toBe(0);

    await owner.getByRole('button', { name: 'Save', exact: true }).click();
    await owner.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await previewBody(owner).getByText(SAMPLE).waitFor();
    await previewBody(owner).getByText('Acme support, for Sam Sample').waitFor();
    await owner.getByTestId('preview-from').filter({ hasText: `<help@${subdomain}.inbox.test>` }).waitFor();

    // What was saved is what the page shows after a reload, and the history names the change.
    await owner.reload();
    expect(await owner.getByLabel('Channel signature', { exact: true }).inputValue()).toBe('Acme support, for {{contact.name}}');
    await previewBody(owner).getByText(SAMPLE).waitFor();
    const history = (await (await owner.request.get(`${app.baseUrl}/api/audit/channel-configuration`)).json()) as { events: Array<{ type: string }> };
    expect(history.events.map((event) => event.type)).toContain('ChannelSignatureChanged');
    expect((await owner.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });

  it('says under the reply box which signatures go below the reply', async () => {
    const address = `help@${subdomain}.inbox.test`;
    const subject = `Zipper ${Date.now()}`;
    const smtpPort = Number(/SMTP on port (\d+)/.exec(app.output())?.[1]);
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: address, subject }))).code).toBe(250);
    await openConversation(owner, app.baseUrl, subject);
    await owner.getByTestId('composer-signature').filter({ hasText: 'Anna at Acme' }).filter({ hasText: 'Acme support, for Carla Customer' }).waitFor();
  });
});
