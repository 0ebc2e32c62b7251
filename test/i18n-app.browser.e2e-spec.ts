import type { Browser, Page } from 'playwright-core';
import { PASSWORD, uniqueEmail } from './support/api-app';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser, newPage, signUpInBrowser } from './support/browser';
import { makeTempDir } from './support/temp-dir';

// The web app in German for a user who chose German: navigation, email settings (chips and
// preview), audit, profile, users, failed mail, and the API's refusals worded in German by the web
// app; sign-in and sign-up follow the browser's language.

const dataDir = makeTempDir('inbox-i18n-app-browser-');
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

describe('a user who switched to German', () => {
  let page: Page;
  const subdomain = `firma${Date.now().toString(36)}`;

  beforeAll(async () => {
    page = await newPage(browser);
    await signUpInBrowser(page, app.baseUrl);
    const switched = await page.request.patch(`${app.baseUrl}/api/me`, { data: { language: 'de' } });
    expect(switched.status()).toBe(200);
  });
  afterAll(() => page.context().close());

  it('walks the navigation in German', async () => {
    await page.goto(`${app.baseUrl}/inbox`);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const name of ['Posteingang', 'Kontakte', 'Kanäle', 'Benutzer', 'Formulare', 'Gespeicherte Antworten', 'Konto', 'Fehlgeschlagene E-Mails', 'Protokoll']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(await page.getByText('Hauptadministrator', { exact: true }).count()).toBe(1);

    await nav.getByRole('link', { name: 'Kanäle' }).click();
    await page.waitForURL(`${app.baseUrl}/settings/channels`);
    await page.getByRole('heading', { level: 1, name: 'Kanäle' }).waitFor();
    expect(await page.title()).toBe('Kanäle · Inbox');
    await page.getByRole('region', { name: 'E-Mail' }).getByText('Aktiviert', { exact: true }).waitFor();
    await page.getByRole('switch', { name: 'Chat aktivieren' }).waitFor();
  });

  it('shows the email settings in German: chips, preview, and a refusal worded in German', async () => {
    await page.goto(`${app.baseUrl}/settings/channels/email`);
    await page.getByRole('switch', { name: 'E-Mail aktivieren' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gesprächseinstellungen: Betreff, Absender und Signatur' }).waitFor();
    await page.getByRole('heading', { name: 'Vorschau' }).waitFor();
    await page.getByTestId('preview-subject').filter({ hasText: /^Follow-up from our conversation$/ }).waitFor();
    await page.getByText('(noch keine Weiterleitungsadresse)').waitFor();

    await page.getByRole('button', { name: 'Zeitstempel der Nachricht hinzufügen' }).click();
    expect(await page.getByTestId('defaultSubject-chip').textContent()).toContain('Zeitstempel der Nachricht');
    await page.getByTestId('preview-subject').filter({ hasText: String(new Date().getUTCFullYear()) }).waitFor();
    await page.getByRole('button', { name: 'Zeitstempel der Nachricht entfernen' }).click();
    await page.getByRole('button', { name: 'Zeitstempel der Nachricht hinzufügen' }).waitFor();

    expect(await page.getByTestId('fromName-chip').textContent()).toContain('Agentenname');
    await page.getByRole('button', { name: 'Agentenname entfernen' }).click();
    await page.getByRole('button', { name: 'Agentenname hinzufügen' }).waitFor();
    await page.getByTestId('preview-from').filter({ hasNotText: 'Anna Owner' }).waitFor();
    await page.getByLabel('Von-Name', { exact: true }).waitFor();
    await page.getByLabel('Standard-Betreffzeile', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();

    // A forwarding address the API refuses: its reason in German, at the form.
    await page.getByLabel('Benutzername').fill('post+eingang');
    await page.getByLabel('Subdomain').fill(subdomain);
    await page.getByRole('button', { name: 'Adresse festlegen' }).click();
    await page.getByRole('alertdialog').getByText('kann nach dem Speichern nie mehr geändert oder freigegeben werden').waitFor();
    await page.getByRole('button', { name: 'Ja, dauerhaft festlegen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Der Name vor dem @ darf kein „+“ enthalten' }).waitFor();

    await page.getByLabel('Benutzername').fill('support');
    await page.getByRole('button', { name: 'Adresse festlegen' }).click();
    await page.getByRole('button', { name: 'Ja, dauerhaft festlegen' }).click();
    await page.getByTestId('forwarding-address').filter({ hasText: `support@${subdomain}.inbox.test` }).waitFor();
    await page.getByText('Diese Adresse ist dauerhaft').waitFor();
    await page.getByRole('heading', { name: 'Gmail oder Google Workspace' }).waitFor();
  });

  it('refuses an address another account took, in German', async () => {
    // A second account claims an address first; this one then asks for the same subdomain.
    const other = await browser.newContext();
    const opened = await other.request.post(`${app.baseUrl}/api/accounts`, {
      data: { accountName: 'Andere', ownerName: 'Olga Other', email: uniqueEmail('other'), password: PASSWORD, plan: 'trial' },
    });
    expect(opened.status()).toBe(201);
    const taken = `belegt${Date.now().toString(36)}`;
    // The channel of a new account is set up right after it opens: the claim waits for it.
    const claim = () => other.request.post(`${app.baseUrl}/api/channels/email/forwarding-address`, { data: { username: 'support', subdomain: taken } });
    let claimed = await claim();
    for (let i = 0; i < 100 && claimed.status() === 409 && ((await claimed.json()) as { code?: string }).code === 'CHANNEL.NOT_READY'; i++) claimed = await claim();
    expect(claimed.status()).toBeLessThan(300);
    await other.close();

    const second = await newPage(browser);
    await signUpInBrowser(second, app.baseUrl, { accountName: 'Zweite', name: 'Zora Zweit' });
    expect((await second.request.patch(`${app.baseUrl}/api/me`, { data: { language: 'de' } })).status()).toBe(200);
    await second.goto(`${app.baseUrl}/settings/channels/email`);
    await second.getByLabel('Benutzername').fill('support');
    await second.getByLabel('Subdomain').fill(taken);
    await second.getByRole('button', { name: 'Adresse festlegen' }).click();
    await second.getByRole('button', { name: 'Ja, dauerhaft festlegen' }).click();
    await second.getByRole('alert').filter({ hasText: /^Diese (Subdomain gehört zu einem anderen Konto|Weiterleitungsadresse ist bereits vergeben)\. Bitte wählen Sie eine andere\.$/ }).waitFor();
    await second.context().close();
  });

  it('shows the audit page in German, with German dates', async () => {
    await page.goto(`${app.baseUrl}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    await page.getByText('Hash-Kette intakt').waitFor();
    const events = await page.getByTestId('audit-event').allTextContents();
    expect(events.some((e) => e.includes('Weiterleitungsadresse festgelegt') && e.includes('Anna Owner (Hauptadministrator)'))).toBe(true);
    expect(events.some((e) => e.includes('E-Mail aktiviert') && e.includes('System, weil das Konto eröffnet wurde'))).toBe(true);
    // German dates (`07.12.2026, 15:04:05`), not English ones (`Dec 7, 2026, 3:04:05 PM`).
    expect(events.every((e) => /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/.test(e) && !/[AP]M/.test(e))).toBe(true);
    await page.getByRole('heading', { name: 'Aktueller Stand' }).waitFor();
    await page.getByLabel('Stand zum Zeitpunkt').waitFor();
  });

  it('shows the profile, users and failed mail pages in German, with a refusal at its field', async () => {
    await page.goto(`${app.baseUrl}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();
    await page.getByRole('textbox', { name: 'Ihre Signatur' }).waitFor();
    await page.getByRole('button', { name: 'Signatur speichern' }).waitFor();

    await page.goto(`${app.baseUrl}/settings/users`);
    await page.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    await page.getByRole('heading', { name: 'Benutzer hinzufügen' }).waitFor();
    const addUser = page.getByRole('region', { name: 'Benutzer hinzufügen' });
    await addUser.getByRole('option', { name: 'Agent: beantwortet Gespräche' }).waitFor({ state: 'attached' });
    await addUser.getByLabel('Vollständiger Name').fill('Bert Agent');
    await addUser.getByLabel('E-Mail', { exact: true }).fill(uniqueEmail('bert'));
    await addUser.getByLabel('Erstes Passwort').fill('kurz');
    await page.getByRole('button', { name: 'Benutzer hinzufügen' }).click();
    await page.getByText('Das Passwort muss mindestens 12 Zeichen lang sein.').waitFor();

    await page.goto(`${app.baseUrl}/failed-mail`);
    await page.getByRole('heading', { level: 1, name: 'Fehlgeschlagene E-Mails' }).waitFor();
    await page.getByText('Keine fehlgeschlagenen E-Mails. Alles, was eingetroffen ist, liegt im Posteingang.').waitFor();

    const health = await page.request.get(`${app.baseUrl}/api/health`);
    expect(health.status()).toBe(200);
  });
});

describe('sign-in and sign-up follow the browser', () => {
  it('in German for a German browser, with the refusal of a wrong password in German', async () => {
    const page = await newPage(browser, { locale: 'de-DE' });
    await page.goto(`${app.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Bei Inbox anmelden' }).waitFor();
    expect(await page.title()).toBe('Anmelden · Inbox');
    await page.getByLabel('E-Mail').fill(uniqueEmail('nobody'));
    await page.getByLabel('Passwort').fill('falsch-falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();

    await page.getByRole('link', { name: 'Konto erstellen' }).click();
    await page.getByRole('heading', { name: 'Konto erstellen' }).waitFor();
    await page.getByLabel('Firmen- oder Teamname').waitFor();
    await page.getByLabel('Geschäftliche E-Mail-Adresse').waitFor();
    await page.getByRole('option', { name: 'Kostenlose Testphase' }).waitFor({ state: 'attached' });
    await page.context().close();
  });

  it('in English for an English browser', async () => {
    const page = await newPage(browser, { locale: 'en-US' });
    await page.goto(`${app.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Sign in to Inbox' }).waitFor();
    await page.goto(`${app.baseUrl}/signup`);
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByLabel('Work email').waitFor();
    await page.context().close();
  });
});
