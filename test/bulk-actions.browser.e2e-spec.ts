import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-process';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { sendRaw, simpleMail } from './support/smtp-client';

// The agent workspace in Chromium: selecting conversations with x and shift-click and closing them in
// one go, the contact panel beside a thread, and the ? overlay of shortcuts.

let running: BrowserApp;
let app: RunningApp;
let page: Page;
let address: string;
let smtpPort: number;

const SUBJECTS = ['Alpha one', 'Bravo two', 'Charlie three', 'Delta four', 'Alpha five'];

async function deliver(from: string, subject: string): Promise<void> {
  expect((await sendRaw(smtpPort, address, simpleMail({ from, to: address, subject, body: `About ${subject}.` }))).code).toBe(250);
}

/** The inbox page, once its script runs (the live indicator turns on after hydration). */
async function openInbox(query = ''): Promise<void> {
  await page.goto(`${app.baseUrl}/inbox${query}`);
  await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
}

const rows = () => page.getByTestId('conversation-row');
const subjects = async () => (await rows().allTextContents()).map((text) => SUBJECTS.find((subject) => text.includes(subject)));

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, page, address, smtpPort } = running);
  await deliver('Ada Alpha <ada@example.com>', 'Alpha one');
  await deliver('Bo Bravo <bo@example.com>', 'Bravo two');
  await deliver('Cy Charlie <cy@example.com>', 'Charlie three');
  await deliver('Di Delta <di@example.com>', 'Delta four');
  // Ada again, on a new subject: a second conversation of the same contact.
  await deliver('Ada Alpha <ada@example.com>', 'Alpha five');
  for (let i = 0; i < 60 && (await rows().count()) < 5; i++) {
    await openInbox();
    if ((await rows().count()) < 5) await page.waitForTimeout(100);
  }
  expect(await subjects()).toEqual(['Alpha five', 'Delta four', 'Charlie three', 'Bravo two', 'Alpha one']);
});
afterAll(() => running?.stop());

describe('the agent workspace in the browser', () => {
  it('opens the list of shortcuts with ?, closes it with Escape and gives the focus back', async () => {
    await openInbox();
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const line of ['Select or unselect it for a bulk action', 'Write an internal note', 'Snooze the conversation', 'Tag the conversation', 'Insert a saved reply', 'Next conversation']) {
      expect(await dialog.textContent()).toContain(line);
    }
    // Keys in the dialog stay there: x does not check the row behind it.
    await page.keyboard.press('x');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="conversation-row"][aria-current="true"]:focus').waitFor();
    expect(await rows().first().getAttribute('aria-current')).toBe('true');
    expect(await page.getByTestId('bulk-bar').getByLabel('Select all').isChecked()).toBe(false);
    expect(await page.getByTestId('row-select').locator('input:checked').count()).toBe(0);
    // And x on the page does check it, so the check above could have failed.
    await page.keyboard.press('x');
    await page.getByTestId('bulk-bar').getByText('1 selected').waitFor();
  });

  it('selects three conversations with x and shift-click, closes them in one go and says what happened', async () => {
    await openInbox();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const boxes = page.getByTestId('row-select').locator('input');
    await page.getByTestId('bulk-bar').getByText('1 selected').waitFor();
    await boxes.nth(3).click({ modifiers: ['Shift'] });
    await page.getByTestId('bulk-bar').getByText('3 selected').waitFor();
    expect(await Promise.all([0, 1, 2, 3, 4].map((i) => boxes.nth(i).isChecked()))).toEqual([false, true, true, true, false]);

    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('bulk-summary').filter({ hasText: '3 closed' }).waitFor();
    await rows().nth(2).waitFor({ state: 'detached' });
    expect(await subjects()).toEqual(['Alpha five', 'Alpha one']);
    expect(await page.getByTestId('count-closed').textContent()).toBe('3');
    await openInbox('?status=closed');
    expect(await subjects()).toEqual(['Delta four', 'Charlie three', 'Bravo two']);
  });

  it('says which of the selection were already so', async () => {
    await openInbox('?status=');
    await page.getByTestId('bulk-bar').getByLabel('Select all').check();
    await page.getByTestId('bulk-bar').getByText('5 selected').waitFor();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Reopen' }).click();
    await page.getByTestId('bulk-summary').filter({ hasText: '3 reopened, 2 unchanged: already open' }).waitFor();
  });

  it('tags and snoozes the selection from the bar', async () => {
    await openInbox('?status=open');
    await page.getByTestId('bulk-bar').getByLabel('Select all').check();
    await page.getByTestId('bulk-bar').getByText('5 selected').waitFor();
    await page.getByTestId('bulk-bar').getByLabel('Tag selected with').fill('Spring sale');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Add tag' }).click();
    await page.getByTestId('bulk-summary').filter({ hasText: '5 tagged' }).waitFor();
    await openInbox('?status=open&tag=Spring%20sale');
    expect((await subjects()).length).toBe(5);

    await page.getByTestId('bulk-bar').getByLabel('Select all').check();
    await page.getByTestId('bulk-bar').getByLabel('Snooze selected').selectOption('tomorrow-morning');
    await page.getByTestId('bulk-summary').filter({ hasText: '5 snoozed' }).waitFor();
    await openInbox('?status=snoozed');
    expect((await subjects()).length).toBe(5);
    await page.getByTestId('bulk-bar').getByLabel('Select all').check();
    await page.getByTestId('bulk-bar').getByLabel('Snooze selected').selectOption('Unsnooze');
    await page.getByTestId('bulk-summary').filter({ hasText: '5 woken' }).waitFor();
  });

  it('shows the contact beside the thread, with their other conversation a click away', async () => {
    await openInbox();
    await rows().filter({ hasText: 'Alpha five' }).click();
    await page.getByRole('heading', { name: 'Alpha five', level: 1 }).waitFor();
    const panel = page.getByTestId('contact-panel');
    expect(await panel.getByRole('heading', { name: 'Ada Alpha' }).count()).toBe(1);
    expect(await panel.getByRole('list', { name: 'Email addresses' }).textContent()).toContain('ada@example.com');
    const others = panel.getByTestId('contact-other-conversations').getByRole('listitem');
    expect(await others.count()).toBe(1);
    expect(await others.first().textContent()).toMatch(/Alpha one.*Open/);
    expect(await panel.getByRole('link', { name: 'View profile →' }).getAttribute('href')).toMatch(/^\/contacts\//);
    await others.first().getByRole('link', { name: 'Alpha one' }).click();
    await page.getByRole('heading', { name: 'Alpha one', level: 1 }).waitFor();
    expect(await page.getByTestId('contact-other-conversations').textContent()).toContain('Alpha five');
  });
});
