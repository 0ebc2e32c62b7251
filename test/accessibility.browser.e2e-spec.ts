import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { newPage } from './support/browser';
import { PASSWORD, uniqueEmail } from './support/api-app';
import type { RunningApp } from './support/app-process';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

// axe-core over every page of the web app, each as the role that uses it, with real content in it:
// no violation of impact serious or critical may remain. One app, one browser, pages in sequence.

const LANGUAGES = ['en', 'de'] as const;
/** The browser's language, which the pages follow for someone not signed in. */
const BROWSER_LOCALES = { en: 'en-US', de: 'de-DE' } as const;
const BLOCKING = new Set(['serious', 'critical']);

let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let owner: Page;
let agent: Page;
let visitor: Page;
const ids: Record<'conversation' | 'contact' | 'form' | 'savedReply' | 'invitation', string> = { conversation: '', contact: '', form: '', savedReply: '', invitation: '' };

const HTML_MAIL = (to: string) =>
  simpleMail({ from: 'Carla Customer <carla@example.com>', to, subject: 'Broken zipper' }).replace(
    'Content-Type: text/plain; charset=utf-8\r\n\r\nHello, my order has not arrived yet.',
    [
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, the zipper of my jacket broke after a week.',
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><p>Hello,</p><p>the <b>zipper</b> of my jacket broke after a week.</p><table><tr><td>Order</td><td>A-77</td></tr></table><p><a href="https://shop.example.com/orders/A-77">My order</a></p></body></html>',
      '--alt--',
    ].join('\r\n'),
  );

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url });
  ({ app, page: owner } = running);
  const api = owner.request;
  const base = app.baseUrl;

  // A thread with HTML mail in, a sent reply and a note; a failed mail; a form, a saved reply, a tag, chat on.
  expect((await sendRaw(running.smtpPort, running.address, HTML_MAIL(running.address))).code).toBe(250);
  expect((await sendRaw(running.smtpPort, running.address, simpleMail({ to: running.address, subject: 'No sender' }).replace(/^From: .*\r\n/m, ''))).code).toBe(250);
  const conversation = await eventually(
    async () => ((await (await api.get(`${base}/api/conversations`)).json()) as { items: Array<{ id: string; contact: { id: string } }> }).items[0],
    Boolean,
    'the conversation of the HTML mail',
  );
  ids.conversation = conversation.id;
  ids.contact = conversation.contact.id;
  expect((await api.post(`${base}/api/conversations/${ids.conversation}/replies`, { data: { text: 'We are sending a new jacket today.' } })).status()).toBe(202);
  expect((await api.post(`${base}/api/conversations/${ids.conversation}/notes`, { data: { text: 'Second zipper complaint this month.' } })).status()).toBe(201);
  expect((await api.put(`${base}/api/conversations/${ids.conversation}/tags`, { data: { tags: ['Returns'] } })).status()).toBe(200);
  ids.form = ((await (await api.post(`${base}/api/forms`, { data: { name: 'Contact us', fields: [{ name: 'email', label: 'Email', type: 'email', required: true }] } })).json()) as { id: string }).id;
  ids.savedReply = ((await (await api.post(`${base}/api/saved-replies`, { data: { name: 'Refund', body: 'Hi {{contact.name}}, your refund is on its way.' } })).json()) as { id: string }).id;
  expect((await api.patch(`${base}/api/channels/chat`, { data: { enabled: true } })).status()).toBe(200);
  await eventually(
    async () => ((await (await api.get(`${base}/api/conversations/${ids.conversation}`)).json()) as { messages: Array<{ deliveryStatus: string | null }> }).messages,
    (messages) => messages.some((m) => m.deliveryStatus === 'sent'),
    'the reply sent',
  );
  await eventually(
    async () => ((await (await api.get(`${base}/api/failed-mail`)).json()) as { items: unknown[] }).items.length,
    (count) => count > 0,
    'the failed mail',
  );

  // An invitation, whose link opens the page to join.
  const invitee = uniqueEmail('invitee');
  expect((await api.post(`${base}/api/invitations`, { data: { email: invitee, role: 'agent' } })).status()).toBe(201);
  const invitation = await eventually(
    async () => relay.received.find((mail) => mail.envelope.to.includes(invitee)),
    Boolean,
    'the invitation mail',
  );
  ids.invitation = /\/invite\/([\w-]+)/.exec(invitation?.parsed.text ?? '')?.[1] ?? '';
  expect(ids.invitation).not.toBe('');

  // An agent, for the 403 page.
  const agentEmail = uniqueEmail('agent');
  expect((await api.post(`${base}/api/users`, { data: { name: 'Alex Agent', email: agentEmail, password: PASSWORD, role: 'agent' } })).status()).toBe(201);
  agent = await newPage(running.browser);
  expect((await agent.request.post(`${base}/api/auth/login`, { data: { email: agentEmail, password: PASSWORD } })).ok()).toBe(true);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
});

interface Visit {
  name: string;
  page: () => Page;
  path: () => string;
  /** What shows the page is there, and finished with what it loads after the first paint. */
  ready: (page: Page) => Promise<unknown>;
}

const heading = (page: Page) => page.locator('h1').first().waitFor();

const VISITS: Visit[] = [
  { name: 'start page', page: () => visitor, path: () => '/', ready: heading },
  { name: 'sign-in', page: () => visitor, path: () => '/login', ready: heading },
  { name: 'sign-up', page: () => visitor, path: () => '/signup', ready: heading },
  { name: 'forgotten password', page: () => visitor, path: () => '/forgot-password', ready: heading },
  { name: 'password reset with a link that does not work', page: () => visitor, path: () => '/reset-password/no-such-token', ready: heading },
  { name: 'invitation', page: () => visitor, path: () => `/invite/${ids.invitation}`, ready: heading },
  { name: 'invitation with a link that does not work', page: () => visitor, path: () => '/invite/no-such-token', ready: heading },
  { name: 'public form', page: () => visitor, path: () => `/f/${ids.form}`, ready: heading },
  { name: 'chat widget', page: () => visitor, path: () => `/chat/${running.accountId}`, ready: (page) => page.locator('[data-testid="chat-live"][data-live="true"]').waitFor() },
  { name: '404', page: () => visitor, path: () => '/no-such-page', ready: heading },
  { name: 'inbox', page: () => owner, path: () => '/inbox', ready: (page) => page.getByTestId('conversation-row').first().waitFor() },
  {
    name: 'thread',
    page: () => owner,
    path: () => `/inbox/${ids.conversation}`,
    ready: async (page) => {
      await page.locator('[data-testid="thread-message"][data-direction="inbound"]').frameLocator('[data-testid="mail-frame"]').getByText('zipper').first().waitFor();
      await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
    },
  },
  {
    name: 'thread with the composer open',
    page: () => owner,
    path: () => `/inbox/${ids.conversation}`,
    ready: async (page) => {
      await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
      await page.locator('body').press('r');
      await page.locator('#reply-text:focus').waitFor();
      await page.keyboard.type('Thank you');
    },
  },
  { name: 'contacts', page: () => owner, path: () => '/contacts', ready: (page) => page.getByTestId('contact-row').first().waitFor() },
  { name: 'contact', page: () => owner, path: () => `/contacts/${ids.contact}`, ready: (page) => page.getByTestId('contact-conversations').waitFor() },
  { name: 'failed mail', page: () => owner, path: () => '/failed-mail', ready: (page) => page.getByTestId('failed-mail').first().waitFor() },
  { name: 'audit', page: () => owner, path: () => '/audit', ready: heading },
  { name: 'profile', page: () => owner, path: () => '/profile', ready: heading },
  { name: 'channels', page: () => owner, path: () => '/settings/channels', ready: (page) => page.getByTestId('chat-snippet').waitFor() },
  { name: 'email settings with its preview', page: () => owner, path: () => '/settings/channels/email', ready: (page) => page.getByTestId('preview-subject').waitFor() },
  { name: 'account settings', page: () => owner, path: () => '/settings/account', ready: heading },
  { name: 'users', page: () => owner, path: () => '/settings/users', ready: heading },
  { name: 'forms', page: () => owner, path: () => '/settings/forms', ready: (page) => page.getByTestId('form-row').first().waitFor() },
  { name: 'new form', page: () => owner, path: () => '/settings/forms/new', ready: heading },
  { name: 'a form', page: () => owner, path: () => `/settings/forms/${ids.form}`, ready: (page) => page.getByTestId('embed-snippet').first().waitFor() },
  { name: 'saved replies', page: () => owner, path: () => '/settings/saved-replies', ready: heading },
  { name: 'a saved reply', page: () => owner, path: () => `/settings/saved-replies/${ids.savedReply}`, ready: heading },
  { name: 'tags', page: () => owner, path: () => '/settings/tags', ready: heading },
  { name: '404 inside the app (a conversation that does not exist)', page: () => owner, path: () => '/inbox/00000000-0000-4000-8000-000000000000', ready: heading },
  { name: '403 (an agent on the users page)', page: () => agent, path: () => '/settings/users', ready: heading },
];

/** The serious and critical violations on the page as it is now, one readable line per offending node. */
async function blockingViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map((node) => `  [${violation.impact}] ${violation.id}: ${violation.help}\n      on ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`),
    );
}

describe('from the keyboard alone', () => {
  const focused = () => owner.evaluate<string>("(() => { const e = document.activeElement; return e ? (e.id || e.getAttribute('data-testid') || e.textContent || e.tagName).trim() : ''; })()");

  it('the first Tab offers the skip link, which lands in the page past the navigation', async () => {
    await owner.goto(`${app.baseUrl}/inbox`);
    await owner.getByTestId('conversation-row').first().waitFor();
    await owner.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await owner.keyboard.press('Enter');
    expect(await focused()).toBe('main');
  });

  it('menus close with Escape and give the focus back; typing in a field fires no shortcut', async () => {
    await owner.goto(`${app.baseUrl}/inbox`);
    const tagFilter = owner.getByTestId('tag-filter');
    await tagFilter.locator('summary').focus();
    await owner.keyboard.press('Enter');
    await tagFilter.getByRole('navigation').waitFor();
    await owner.keyboard.press('Escape');
    await tagFilter.getByRole('navigation').waitFor({ state: 'hidden' });
    expect(await owner.evaluate<string>('document.activeElement.tagName')).toBe('SUMMARY');

    // j, e and r are shortcuts on the list: in the search box they are letters.
    await owner.getByRole('searchbox').focus();
    await owner.keyboard.type('jer');
    expect(await owner.getByRole('searchbox').inputValue()).toBe('jer');
    expect(owner.url()).toBe(`${app.baseUrl}/inbox`);

    await owner.goto(`${app.baseUrl}/inbox/${ids.conversation}`);
    await owner.locator('[data-testid="live-status"][data-live="true"]').waitFor();
    await owner.locator('body').press('s');
    await owner.getByRole('menu').waitFor();
    await owner.keyboard.press('Escape');
    await owner.getByRole('menu').waitFor({ state: 'hidden' });
    expect(await owner.evaluate<boolean>("document.activeElement.hasAttribute('data-snooze-toggle')")).toBe(true);
  });
});

describe.each(LANGUAGES)('in %s, axe-core finds no serious or critical violation', (language) => {
  beforeAll(async () => {
    for (const user of [owner, agent]) expect((await user.request.patch(`${app.baseUrl}/api/me`, { data: { language } })).ok()).toBe(true);
    // Someone signed in nowhere (sign-in, sign-up, the public pages), whose browser speaks the language.
    visitor = await newPage(running.browser, { locale: BROWSER_LOCALES[language] });
  });
  afterAll(() => visitor?.context().close());

  it.each(VISITS.map((visit) => [visit.name, visit] as const))('on the %s page', async (_name, visit) => {
    const page = visit.page();
    await page.goto(`${app.baseUrl}${visit.path()}`);
    await visit.ready(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect((await blockingViolations(page)).join('\n')).toBe('');
    // Landmarks a screen reader jumps by: the page's content in one main, named by one h1.
    expect({ main: await page.locator('main').count(), h1: await page.locator('h1').count() }).toEqual({ main: 1, h1: 1 });
  });

  it('leaves the app healthy', async () => {
    expect((await owner.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });
});
