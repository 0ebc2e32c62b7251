import type { Page } from 'playwright-core';
import deComposer from '../web/messages/de/composer.json';
import deInbox from '../web/messages/de/inbox.json';
import deThread from '../web/messages/de/thread.json';
import enComposer from '../web/messages/en/composer.json';
import enInbox from '../web/messages/en/inbox.json';
import enThread from '../web/messages/en/thread.json';
import type { RunningApp } from './support/app-process';
import { openConversation } from './support/browser';
import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { dnsZone, signedMail, signingKey } from './support/mail-auth';
import { sendRaw } from './support/smtp-client';

// A user who switched to German works the inbox, a thread and the composer: every text of those
// pages is German, dates are written the German way, and no English sentence of their catalogues shows.

const UNDO_SECONDS = 5;
const zone = dnsZone();
const customer = signingKey('kunde.example');
zone.key(customer);
zone.txt('_dmarc.kunde.example', 'v=DMARC1; p=reject');

let relay: CaptureRelay;
let running: BrowserApp;
let app: RunningApp;
let page: Page;

/** A date and time as German medium formats write them: 07.12.2026, 15:04:05. */
const GERMAN_DATE_TIME = /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/;

/** English sentences of the catalogues these pages use, which a German reader must not see. */
const ENGLISH = [
  enInbox.description,
  enInbox.search.placeholder,
  enInbox.bulk.selectAll,
  enThread.verdict.verified,
  enThread.original,
  enThread.internalNote,
  enComposer.reply.send,
  enComposer.reply.disabled,
  enThread.contact.profile,
  enComposer.note.hint,
  'Goes to the contact',
  'Sending in',
];

async function bodyText(): Promise<string> {
  return page.locator('body').innerText();
}

beforeAll(async () => {
  relay = await CaptureRelay.start();
  running = await startBrowserApp({ OUTBOUND_SMTP_URL: relay.url, INBOX_TEST_DNS_FILE: zone.file }, { undoSendSeconds: UNDO_SECONDS });
  ({ app, page } = running);
  expect((await page.request.patch(`${app.baseUrl}/api/me`, { data: { language: 'de' } })).status()).toBe(200);
  expect((await page.request.post(`${app.baseUrl}/api/saved-replies`, { data: { name: 'Dank', body: 'Vielen Dank für Ihre Nachricht.' } })).status()).toBe(201);
});
afterAll(async () => {
  await running?.stop();
  await relay?.close();
  zone.cleanup();
});

describe('the inbox, a thread and the composer in German', () => {
  it('shows the inbox list with German tabs, filters, keys and an empty state, and German dates', async () => {
    const subject = `Rechnung ${Date.now()}`;
    const mail = await signedMail(customer, { from: 'Karla Kundin <karla@kunde.example>', to: running.address, subject, text: 'Wo bleibt meine Rechnung?', messageId: `<r${Date.now()}@kunde.example>` });
    expect((await sendRaw(running.smtpPort, running.address, mail, 'karla@kunde.example')).code).toBe(250);
    await openConversation(page, app.baseUrl, subject);
    await page.goto(`${app.baseUrl}/inbox`);

    const tabs = page.getByRole('navigation', { name: deInbox.filters.label });
    for (const tab of ['open', 'snoozed', 'closed', 'all'] as const) await tabs.getByRole('link', { name: new RegExp(`^${deInbox.filters[tab]}`) }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(deInbox.title);
    expect(await page.getByLabel(deInbox.search.label).getAttribute('placeholder')).toBe(deInbox.search.placeholder);
    expect(await page.getByTestId('bulk-bar').textContent()).toContain(deInbox.bulk.selectAll);
    expect(await bodyText()).toContain('bewegen');
    const row = page.getByTestId('conversation-row').filter({ hasText: subject });
    expect((await row.locator('time').textContent())?.trim()).toMatch(GERMAN_DATE_TIME);
    expect(await page.title()).toContain(deInbox.title);

    // Checking a row words the bulk bar's count in German.
    await page.getByTestId('row-select').first().click();
    await page.getByTestId('bulk-bar').getByText('1 ausgewählt').waitFor();
    await page.getByTestId('row-select').first().click();

    await page.goto(`${app.baseUrl}/inbox?status=closed&q=nichtsdergleichen`);
    await page.getByRole('heading', { name: 'Keine Treffer für „nichtsdergleichen“' }).waitFor();
    expect(await bodyText()).toContain(deInbox.empty.searchHint);

    const text = await bodyText();
    for (const english of ENGLISH) expect(text).not.toContain(english);
    expect((await page.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });

  it('shows a thread with its mail, a note and a sent reply in German, through a German composer', async () => {
    const subject = `Lieferung ${Date.now()}`;
    const mail = await signedMail(customer, { from: 'Karla Kundin <karla@kunde.example>', to: running.address, subject, text: 'Wann kommt meine Lieferung?', messageId: `<l${Date.now()}@kunde.example>` });
    expect((await sendRaw(running.smtpPort, running.address, mail, 'karla@kunde.example')).code).toBe(250);
    await openConversation(page, app.baseUrl, subject);
    await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();

    // The mail: the verdict badge, the date, the link to the original.
    expect(await page.getByTestId('sender-verdict').textContent()).toBe(deThread.verdict.verified);
    expect(await page.getByTestId('conversation-status').textContent()).toBe('Offen');
    const inbound = page.locator('[data-testid="thread-message"][data-direction="inbound"]');
    expect((await inbound.locator('time').textContent())?.trim()).toMatch(GERMAN_DATE_TIME);
    await inbound.getByRole('link', { name: deThread.original }).waitFor();
    await page.getByRole('link', { name: deThread.back }).waitFor();
    await page.getByRole('button', { name: deThread.actions.assignToMe }).waitFor();
    await page.getByRole('button', { name: deThread.snooze.snooze, exact: true }).waitFor();

    // The composer: its tabs, the formatting toolbar, Cc and Bcc, attaching, the recipient count.
    await page.getByRole('tab', { name: deComposer.tabs.reply }).waitFor();
    const toolbar = page.getByRole('toolbar', { name: deComposer.format.toolbar });
    for (const tool of ['bold', 'italic', 'link', 'bullets', 'numbers', 'quote'] as const) await toolbar.getByRole('button', { name: deComposer.format.tools[tool], exact: true }).waitFor();
    expect(await toolbar.getByRole('button', { name: deComposer.format.tools.bold }).getAttribute('title')).toBe('Fett (⌘/Strg+B)');
    await page.getByRole('button', { name: deComposer.attachments.attach, exact: true }).waitFor();
    expect(await page.getByTestId('recipient-count').textContent()).toMatch(/^1 von \d+ Empfängern$/);
    await page.getByRole('button', { name: deComposer.reply.bcc, exact: true }).click();
    await page.getByLabel(deComposer.reply.bcc, { exact: true }).fill('chef@kunde.example,');
    await page.getByRole('button', { name: 'chef@kunde.example aus Bcc entfernen' }).waitFor();
    expect(await page.getByTestId('recipient-count').textContent()).toMatch(/^2 von \d+ Empfängern$/);
    await page.getByRole('button', { name: 'chef@kunde.example aus Bcc entfernen' }).click();
    expect(await bodyText()).toContain('Geht nur an den Kontakt');

    // The saved reply picker, in German, inserts the reply.
    await page.getByRole('button', { name: deComposer.savedReplies.button }).click();
    const picker = page.getByTestId('saved-reply-picker');
    await picker.getByPlaceholder(deComposer.savedReplies.searchPlaceholder).waitFor();
    await picker.getByRole('option', { name: /Dank/ }).click();
    await eventually(() => page.locator('#reply-text').inputValue(), (value) => value.includes('Vielen Dank'), 'the saved reply in the reply box');
    await page.getByTestId('draft-status').getByText(deComposer.reply.draft.saved).waitFor();

    // The reply, inside its undo window, then sent.
    await page.getByRole('button', { name: deComposer.reply.send }).click();
    const pending = page.getByTestId('pending-reply');
    await pending.getByText(/^Wird gesendet in \d+ s$/).waitFor();
    await pending.getByRole('button', { name: deThread.pending.undo }).waitFor();
    const sent = page.locator('[data-testid="thread-message"][data-direction="outbound"] [data-testid="delivery-status"][data-status="sent"]');
    await sent.waitFor({ timeout: (UNDO_SECONDS + 20) * 1000 });
    expect((await sent.textContent())?.trim()).toBe(deThread.delivery.sent);
    await relay.waitFor(1);
    const outbound = page.locator('[data-testid="thread-message"][data-direction="outbound"]');
    expect(await outbound.getByTestId('recipients-to-line').textContent()).toContain('karla@kunde.example');
    expect(await outbound.getByTestId('message-recipients').textContent()).toContain(deThread.recipients.to);

    // A note, from its own tab.
    await page.getByRole('tab', { name: deComposer.tabs.note }).click();
    await page.getByPlaceholder(deComposer.note.placeholder).fill('Lieferschein liegt im Lager.');
    expect(await bodyText()).toContain(deComposer.note.hint);
    await page.getByRole('button', { name: deComposer.note.add }).click();
    const note = page.locator('[data-testid="thread-message"][data-direction="note"]');
    await note.getByText('Lieferschein liegt im Lager.').waitFor();
    expect(await note.textContent()).toContain(deThread.internalNote);

    expect(await page.title()).toContain(deThread.title);
    const text = await bodyText();
    for (const english of ENGLISH) expect(text).not.toContain(english);
    expect((await page.request.get(`${app.baseUrl}/api/health`)).status()).toBe(200);
  });
});
