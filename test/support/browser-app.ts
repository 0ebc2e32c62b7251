import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './app-process';
import { launchBrowser, newPage, signUpInBrowser } from './browser';
import { makeTempDir } from './temp-dir';

export interface BrowserApp {
  app: RunningApp;
  browser: Browser;
  /** Signed in as the account's primary admin. */
  page: Page;
  accountId: string;
  /** The account's forwarding address, claimed. */
  address: string;
  smtpPort: number;
  stop(): Promise<void>;
}

/**
 * The built app as `npm start` runs it (own data directory), Chromium, and an owner signed up through
 * the pages with a forwarding address. Replies go out at once (undo send delay 0) unless
 * `undoSendSeconds` asks for a window.
 */
export async function startBrowserApp(env: Record<string, string> = {}, { undoSendSeconds = 0 }: { undoSendSeconds?: number } = {}): Promise<BrowserApp> {
  const dataDir = makeTempDir('inbox-browser-');
  const app = await startApp({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test', ...env });
  const browser = await launchBrowser();
  const page = await newPage(browser);
  await signUpInBrowser(page, app.baseUrl);
  const claim = await page.request.post(`${app.baseUrl}/api/channels/email/forwarding-address`, { data: { username: 'help', subdomain: `b${Date.now().toString(36)}` } });
  const { address } = (await claim.json()) as { address: string };
  await page.request.patch(`${app.baseUrl}/api/account`, { data: { undoSendSeconds } });
  const { accountId } = (await (await page.request.get(`${app.baseUrl}/api/me`)).json()) as { accountId: string };
  return {
    app,
    browser,
    page,
    accountId,
    address,
    smtpPort: Number(/SMTP on port (\d+)/.exec(app.output())?.[1]),
    stop: async () => {
      await browser.close();
      await app.stop();
      dataDir.cleanup();
    },
  };
}
