import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, type RunningApp } from './support/app-process';
import { launchBrowser } from './support/browser';
import { makeTempDir } from './support/temp-dir';

const dataDir = makeTempDir('inbox-start-');
let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: dataDir.path });
});
afterAll(async () => {
  if (app.child.exitCode === null) await app.stop();
  dataDir.cleanup();
});

describe('npm start: one process, one port', () => {
  it('serves the API health under /api', async () => {
    const response = await fetch(`${app.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', eventStore: { up: true }, readModels: { up: true } });
  });

  it('keeps all it stores under DATA_DIR: the log, the read models, the mail bytes and the secret', () => {
    expect(readdirSync(dataDir.path)).toEqual(expect.arrayContaining(['inbox.db', 'read-models.db', 'blobs.db', 'secret.key']));
  });

  it('serves the OpenAPI document', async () => {
    const ui = await fetch(`${app.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    const document = (await (await fetch(`${app.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/api/health');
  });

  it('answers unknown API paths with the JSON error shape, not the web app', async () => {
    const response = await fetch(`${app.baseUrl}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /api/no-such-thing' });
  });

  it('serves the web start page at / with the live system status, in a real browser', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const response = await page.goto(`${app.baseUrl}/`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Every customer email');
      await expect(page.getByText('All systems running').isVisible()).resolves.toBe(true);
      // A visitor's page: the overall state, none of the operators' detail (components, positions, errors).
      const status = await page.getByRole('list', { name: 'System status' }).textContent();
      expect(status).toContain('running');
      expect(status).not.toContain('Event store');
      expect(errors).toEqual([]);

      const missing = await page.goto(`${app.baseUrl}/no-such-page`);
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('There is nothing here');
    } finally {
      await browser.close();
    }
  });

  it('shuts down cleanly on SIGTERM, closing the store', async () => {
    // Nest closes the app, then re-raises the signal so the parent sees how the process ended.
    const { code, signal } = await app.stop('SIGTERM');
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(app.output()).toContain('event store and read models closed');
  });
});

describe('configuration at start', () => {
  it.each([
    ['PORT', 'eighty', 'Invalid configuration: PORT must be a port number from 0 to 65535 (got "eighty")'],
    ['SIGNUP', 'sometimes', 'Invalid configuration: SIGNUP must be one of open, closed (got "sometimes")'],
  ])('stops with one line naming %s and the rule', (variable, value, line) => {
    const result = spawnSync(process.execPath, [resolve(__dirname, '..', 'dist/src/main.js')], {
      env: { ...process.env, [variable]: value, DATA_DIR: dataDir.path },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([line]);
    expect(result.stdout).toBe('');
  });
});
