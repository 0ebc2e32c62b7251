import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD, uniqueEmail } from './support/api-app';
import type { RunningApp } from './support/app-process';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

// An agent on a phone (390×844, touch): the navigation folds into a menu, every page fits the
// width, and a conversation is opened by tap and answered.

const WIDTH = 390;

let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let phoneContext: BrowserContext;
let phone: Page;

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url });
  app = running.app;
  const email = uniqueEmail('agent');
  expect((await running.page.request.post(`${app.baseUrl}/api/users`, { data: { name: 'Alex Agent', email, password: PASSWORD, role: 'agent' } })).status()).toBe(201);
  phoneContext = await running.browser.newContext({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });
  phone = await phoneContext.newPage();
  phone.on('pageerror', (error) => {
    throw error;
  });
  expect((await phoneContext.request.post(`${app.baseUrl}/api/auth/login`, { data: { email, password: PASSWORD } })).ok()).toBe(true);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
});

/** Nothing runs off the side: the page is no wider than the phone, and every target is big enough for a finger. */
async function fitsThePhone(page: Page = phone): Promise<void> {
  // The innermost elements that reach past the edge, when the page is too wide: what to fix.
  const overflow = await page.evaluate<string[]>(`(() => {
    if (document.documentElement.scrollWidth <= ${WIDTH}) return [];
    const clipped = (element) => {
      for (let box = element.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== 'visible' && box.getBoundingClientRect().right <= ${WIDTH} + 0.5) return true;
      }
      return false;
    };
    const past = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > ${WIDTH} + 0.5 && !clipped(element));
    return past
      .filter((element) => !past.some((other) => other !== element && element.contains(other)))
      .slice(0, 10)
      .map((element) => element.tagName.toLowerCase() + '.' + [...element.classList].join('.') + ' right=' + Math.round(element.getBoundingClientRect().right));
  })()`);
  expect(overflow).toEqual([]);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTH);
  const { violations } = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  expect(violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`))).toEqual([]);
}

const menuButton = () => phone.getByTestId('menu-button');
const mainNav = () => phone.getByRole('navigation', { name: 'Main' });

describe('on a phone', () => {
  it('the navigation is a menu: it opens, closes with Escape, and takes the agent to a page', async () => {
    await phone.goto(`${app.baseUrl}/inbox`);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    expect(await mainNav().isVisible()).toBe(false);
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await phone.locator(`#${await menuButton().getAttribute('aria-controls')}`).count()).toBe(1);
    for (const control of [phone.getByRole('searchbox'), phone.getByRole('search').getByRole('button')]) {
      const box = await control.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);
    }
    await fitsThePhone();

    await menuButton().tap();
    await mainNav().waitFor();
    expect(await menuButton().getAttribute('aria-expanded')).toBe('true');
    await phone.keyboard.press('Escape');
    await mainNav().waitFor({ state: 'hidden' });
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await phone.evaluate<string | undefined>('document.activeElement?.dataset.testid')).toBe('menu-button');

    await menuButton().tap();
    await mainNav().getByRole('link', { name: 'Contacts' }).tap();
    await phone.waitForURL(`${app.baseUrl}/contacts`);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await mainNav().waitFor({ state: 'hidden' });
    await fitsThePhone();
  });

  it('a conversation opens by tap and is answered from the composer, all within the width', async () => {
    const subject = `Phone help ${Date.now()}`;
    expect((await sendRaw(running.smtpPort, running.address, simpleMail({ from: 'Carla Customer <carla@example.com>', to: running.address, subject }))).code).toBe(250);
    const row = phone.getByTestId('conversation-row').filter({ hasText: subject });
    for (let i = 0; i < 60 && (await row.count()) === 0; i++) {
      await phone.goto(`${app.baseUrl}/inbox`);
      if ((await row.count()) === 0) await phone.waitForTimeout(100);
    }
    await fitsThePhone();

    await row.tap();
    await phone.getByRole('heading', { name: subject }).waitFor();
    await phone.locator('[data-testid="live-status"][data-live="true"]').waitFor();
    await fitsThePhone();

    await phone.locator('#reply-text').tap();
    await phone.keyboard.type('A new one is on its way.');
    await fitsThePhone();
    await phone.getByRole('button', { name: 'Send reply' }).tap();
    const outbound = phone.locator('[data-testid="thread-message"][data-direction="outbound"]');
    await outbound.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 15_000 });
    const [mail] = await relay.waitFor(1);
    expect(mail.envelope.to).toEqual(['carla@example.com']);
    expect(mail.parsed.text).toContain('A new one is on its way.');
    await fitsThePhone();
    expect((await phone.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });

});

describe('every page of an admin on a phone fits the width', () => {
  let page: Page;
  const ids = { conversation: '', contact: '' };

  beforeAll(async () => {
    const owner = await running.browser.newContext({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true, storageState: await running.page.context().storageState() });
    page = await owner.newPage();
    const [conversation] = ((await (await page.request.get(`${app.baseUrl}/api/conversations`)).json()) as { items: Array<{ id: string; contact: { id: string } }> }).items;
    ids.conversation = conversation.id;
    ids.contact = conversation.contact.id;
  });
  afterAll(() => page?.context().close());

  const PATHS = ['/inbox', '/inbox/:conversation', '/contacts', '/contacts/:contact', '/failed-mail', '/audit', '/profile', '/settings/channels', '/settings/channels/email'];
  PATHS.push('/settings/account', '/settings/users', '/settings/forms', '/settings/forms/new', '/settings/saved-replies', '/settings/tags');
  it.each(PATHS)('%s', async (path) => {
    await page.goto(`${app.baseUrl}${path.replace(':conversation', ids.conversation).replace(':contact', ids.contact)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await fitsThePhone(page);
  });
});
