import type { BrowserContext, Page } from 'playwright-core';
import { CaptureRelay } from './support/capture-relay';
import { PASSWORD, uniqueEmail } from './support/api-app';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { eventually } from './support/eventually';
import { recordRequests, type RequestRecorder } from './support/request-recorder';
import { sendRaw } from './support/smtp-client';

// The pages as a browser meets them: Next on a port other than 3000, sign-in redirects, the
// hosted form's error display, the pages' Content Security Policy, and Secure cookies behind HTTPS.

let running: BrowserApp;
let baseUrl: string;
/** Whatever listens on the default port would have received Next's fetches of its own pages. */
let port3000: RequestRecorder;
let elsewhere: RequestRecorder;
/** Every CSP violation any watched page or frame reported. */
const violations: string[] = [];

/** Reports CSP violations of every frame, the sandboxed mail frames included, as console errors we collect. */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));",
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${message.page()?.url()}: ${message.text()}`);
  });
}

async function watchedPage(options: Parameters<BrowserApp['browser']['newContext']>[0] = {}): Promise<Page> {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await watchCsp(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => violations.push(`script error: ${error.message}`));
  return page;
}

let agentEmail: string;

async function signIn(page: Page, path = '/login'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(agentEmail);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  port3000 = await recordRequests(3000);
  elsewhere = await recordRequests();
  // The test's browser reaches the app over loopback: here loopback plays the operator's proxy.
  running = await startBrowserApp({ PORT: String(await CaptureRelay.freePort()), TRUSTED_PROXIES: '127.0.0.1, ::1' });
  baseUrl = running.app.baseUrl;
  agentEmail = uniqueEmail('agent');
  const created = await running.page.request.post(`${baseUrl}/api/users`, { data: { name: 'Andy Agent', email: agentEmail, password: PASSWORD, role: 'agent' } });
  expect(created.status()).toBe(201);
});
afterAll(async () => {
  await running?.stop();
  await port3000?.close();
  await elsewhere?.close();
});

describe('the web app', () => {
  it('knows its own port: signing up and in (server actions that redirect) never reach port 3000', async () => {
    expect(new URL(baseUrl).port).not.toBe('3000');
    const page = await watchedPage();
    await signIn(page);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(port3000.requests).toEqual([]);
    await page.context().close();
  });

  it('after sign-in follows a next on this site, and never one that leaves it', async () => {
    const page = await watchedPage();
    await signIn(page, `/login?next=/%5C127.0.0.1:${elsewhere.port}/x`);
    await page.waitForURL(`${baseUrl}/inbox`);
    expect(elsewhere.requests).toEqual([]);
    await page.context().clearCookies();

    await signIn(page, '/login?next=/contacts');
    await page.waitForURL(`${baseUrl}/contacts`);
    await page.context().close();
  });

  it('shows fixed sentences for the error codes of the hosted form page, never text from its address', async () => {
    const created = await running.page.request.post(`${baseUrl}/api/forms`, {
      data: { name: 'Contact us', fields: [{ name: 'name', label: 'Your name', type: 'text', required: false }, { name: 'email', label: 'Your email', type: 'email', required: true }] },
    });
    const formId = ((await created.json()) as { id: string }).id;
    const page = await watchedPage({ javaScriptEnabled: false });

    await page.goto(`${baseUrl}/f/${formId}?error=${encodeURIComponent('Your account is locked: call +1 555 0100 now')}`);
    await page.getByRole('alert').filter({ hasText: 'Your message could not be sent. Please check the form and try again.' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('555 0100');

    await page.goto(`${baseUrl}/f/${formId}?error=${encodeURIComponent('Visit evil.example')}&field=email`);
    expect(await page.locator('body').innerText()).not.toContain('evil.example');
    await page.getByRole('alert').filter({ hasText: 'Your message could not be sent.' }).waitFor();

    // A real refusal, as the API sends the visitor back.
    await page.goto(`${baseUrl}/f/${formId}`);
    // The browser's own check passes a@b; the API wants a domain with a dot.
    await page.getByLabel('Your email').fill('carla@localhost');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Please enter an email address, such as name@example.com.').waitFor();
    expect(new URL(page.url()).searchParams.get('error')).toBe('FORMS.FIELD_NOT_EMAIL');
    expect(await page.getByLabel('Your email').getAttribute('aria-invalid')).toBe('true');
    await page.context().close();
  });

  it('sends its pages with a nonce CSP, nosniff and a referrer policy; only the chat page may be framed', async () => {
    const inbox = await running.page.request.get(`${baseUrl}/inbox`);
    expect(inbox.status()).toBe(200);
    const policy = inbox.headers()['content-security-policy'];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(inbox.headers()['x-content-type-options']).toBe('nosniff');
    expect(inbox.headers()['referrer-policy']).toBe('same-origin');
    const again = (await running.page.request.get(`${baseUrl}/inbox`)).headers()['content-security-policy'];
    expect(again).not.toBe(policy);
    const chat = await running.page.request.get(`${baseUrl}/chat/${running.accountId}`);
    expect(chat.headers()['content-security-policy']).toContain('frame-ancestors *');
    const embed = await running.page.request.get(`${baseUrl}/chat-embed.js`);
    expect(embed.headers()['x-content-type-options']).toBe('nosniff');
    expect(embed.headers()['content-type']).toMatch(/javascript/);
  });

  it('works under that CSP with no violation: sign-up, inbox, an HTML mail with its images, the settings and admin pages, the chat framed on another site, the API reference', async () => {
    const signup = await watchedPage();
    await signup.goto(`${baseUrl}/signup`);
    await signup.getByRole('button', { name: 'Create account' }).waitFor();
    await signup.context().close();

    const page = await watchedPage();
    await signIn(page);
    await page.waitForURL(`${baseUrl}/inbox`);
    const pixel = `http://127.0.0.1:${elsewhere.port}/pixel.png`;
    const html = `<p style="color:#b91c1c">Styled hello</p><img src="${pixel}" alt="remote">`;
    const raw = [
      'From: Carla <carla@example.com>',
      `To: ${running.address}`,
      'Subject: Framed mail',
      `Message-ID: <framed.${Date.now()}@example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '',
    ].join('\r\n');
    expect((await sendRaw(running.smtpPort, running.address, raw)).code).toBe(250);
    for (let i = 0; i < 80 && (await page.getByTestId('conversation-row').filter({ hasText: 'Framed mail' }).count()) === 0; i++) {
      await page.waitForTimeout(100);
      await page.reload();
    }
    await page.getByTestId('conversation-row').filter({ hasText: 'Framed mail' }).click();
    const body = page.frameLocator('[data-testid="mail-frame"]').locator('body');
    await body.getByText('Styled hello').waitFor();
    // The mail's own inline style applies inside the frame.
    expect(await body.getByText('Styled hello').evaluate((element, name) => (globalThis as unknown as { [key: string]: (e: unknown) => { color: string } })[name](element).color, 'getComputedStyle')).toBe('rgb(185, 28, 28)');
    expect(elsewhere.requests.filter((r) => r.url === '/pixel.png')).toEqual([]);
    await page.getByRole('button', { name: 'Show images' }).click();
    await eventually(async () => elsewhere.requests.filter((r) => r.url === '/pixel.png').length, (count) => count === 1, 'the remote image, once the agent asked for it');
    await page.context().close();

    await running.page.context().on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${message.page()?.url()}: ${message.text()}`);
    });
    await running.page.goto(`${baseUrl}/settings/channels/email`);
    await running.page.getByTestId('preview-subject').waitFor();
    await running.page.getByTitle('Email body preview').waitFor();
    for (const path of ['/contacts', '/settings/users', '/settings/forms/new', '/settings/account', '/failed-mail', '/audit']) {
      await running.page.goto(`${baseUrl}${path}`);
      await running.page.getByRole('navigation', { name: 'Main' }).waitFor();
      await running.page.waitForLoadState('networkidle');
    }
    expect((await running.page.request.patch(`${baseUrl}/api/channels/chat`, { data: { enabled: true } })).status()).toBe(200);

    // A customer's site, on another origin (another port) with the embed snippet. Same site, though:
    // a browser that blocks third-party storage breaks the widget on other sites (its visitor token
    // is kept in localStorage), which has nothing to do with this policy.
    const site = await recordRequests(0, `<!doctype html><title>Shop</title><h1>Shop</h1><script src="${baseUrl}/chat-embed.js" data-account="${running.accountId}"></script>`);
    try {
      const visitor = await watchedPage();
      await visitor.goto(`http://localhost:${site.port}/`);
      await visitor.getByRole('button', { name: 'Chat with us' }).click();
      const chat = visitor.frameLocator('iframe[title="Chat"]');
      await chat.locator('[data-testid="chat-live"][data-live="true"]').waitFor();
      await chat.getByRole('textbox', { name: 'Message' }).fill('Hello from the shop');
      await chat.getByRole('textbox', { name: 'Message' }).press('Enter');
      await chat.locator('[data-testid="chat-line"][data-author="visitor"]').getByText('Hello from the shop').waitFor();
      await visitor.context().close();
    } finally {
      await site.close();
    }
    // The API reference lives under the API's own (helmet's) policy.
    const docs = await watchedPage();
    await docs.goto(`${baseUrl}/api/docs`);
    await docs.getByText('Inbox API').first().waitFor();
    await docs.context().close();

    expect(violations).toEqual([]);
    expect((await running.page.request.get(`${baseUrl}/api/health`)).status()).toBe(200);
  });

  it('sets the sign-in cookie Secure and HSTS when a trusted proxy says the visitor came over HTTPS, and only then', async () => {
    const proxied = await watchedPage({ extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' } });
    await signIn(proxied);
    await proxied.waitForURL(`${baseUrl}/inbox`);
    const [secure] = (await proxied.context().cookies()).filter((cookie) => cookie.name === 'inbox_session');
    expect(secure.secure).toBe(true);
    await proxied.context().close();

    // Snippets name the address visitors use, which only a trusted proxy may tell.
    const channels = await running.page.request.get(`${baseUrl}/settings/channels`, { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'inbox.example.com' } });
    expect(await channels.text()).toContain('https://inbox.example.com/chat-embed.js');
    expect(channels.headers()['strict-transport-security']).toBe('max-age=31536000');

    const plain = await watchedPage();
    await signIn(plain);
    await plain.waitForURL(`${baseUrl}/inbox`);
    const [cookie] = (await plain.context().cookies()).filter((c) => c.name === 'inbox_session');
    expect(cookie.secure).toBe(false);
    await plain.context().close();
    expect(violations).toEqual([]);
  });
});
