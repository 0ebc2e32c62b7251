import { join } from 'node:path';
import { SqliteEventStore } from '../src/shared/event-store/sqlite.event-store';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';
import { appendUnshowableMail } from './support/unshowable-mail';

const dataDir = makeTempDir('inbox-parking-browser-');
let running: BrowserApp;
beforeAll(async () => {
  running = await startBrowserApp({ DATA_DIR: dataDir.path });
});
afterAll(async () => {
  await running?.stop();
  dataDir.cleanup();
});

describe('the failed-mail page', () => {
  it('shows a mail whose event was parked as received but not shown, with the error, the raw message and reprocess', async () => {
    const { app, page, address, smtpPort, accountId } = running;
    const answer = await sendRaw(smtpPort, address, simpleMail({ to: address, subject: 'The model' }));
    const modelId = /stored as (\S+)/.exec(answer.response)?.[1] as string;
    // A second writer of the app's log, as an operator's tool would be: the app reads what it appends.
    const store = new SqliteEventStore(join(dataDir.path, 'inbox.db'));
    try {
      await appendUnshowableMail(store, accountId, modelId, 'Cannot be shown');
    } finally {
      await store.close();
    }

    let item = page.getByTestId('failed-mail').filter({ hasText: 'Cannot be shown' });
    for (let i = 0; i < 100 && (await item.count()) === 0; i++) {
      await page.goto(`${app.baseUrl}/failed-mail`);
      item = page.getByTestId('failed-mail').filter({ hasText: 'Cannot be shown' });
      if ((await item.count()) === 0) await page.waitForTimeout(200);
    }
    expect(await item.getByTestId('failed-mail-status').textContent()).toBe('Received but could not be shown');
    const text = await item.textContent();
    expect(text).toContain('inbound-mail (InboundMailAccepted, 5 attempts)');
    expect(text).toMatch(/parameter/i);
    const download = await page.request.get(`${app.baseUrl}${await item.getByRole('link', { name: 'Download .eml' }).getAttribute('href')}`);
    expect(await download.text()).toContain('Subject: The model');
    // Still broken: reprocessing says so, with the error.
    await item.getByRole('button', { name: 'Reprocess' }).click();
    await item.getByRole('alert').filter({ hasText: /Still failing: .*parameter/i }).waitFor();
  });
});
