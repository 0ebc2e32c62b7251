import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { apiSchemaStaleness, currentOpenApiDocument, projectRoot } from './api-schema';

/** `npm run api:check` as a child process (openapi-typescript is an ES module, which jest does not load). */
function apiCheck(...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/cli/api-schema.cli.ts', 'check', ...args],
      { cwd: projectRoot(), env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' } },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe("the web app's API types (npm run api:check)", () => {
  let dir: string;
  let document: OpenAPIObject;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-api-check-'));
    document = await currentOpenApiDocument();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function saved(name: string, content: OpenAPIObject): string {
    writeFileSync(join(dir, name), JSON.stringify(content));
    return join(dir, name);
  }

  it('are what the API generates now; otherwise run npm run api:generate', async () => {
    // given the committed web/lib/api-schema.d.ts, when it is checked against the API's document
    const { code, stderr } = await apiCheck('--document', saved('openapi.json', document));
    // then it passes (else the message says what differs)
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('fail the check when a response changes without regenerating, saying what to run', async () => {
    // given the API's document with one answer's property gone, as if its class had changed
    const tampered = structuredClone(document);
    const inboxItem = tampered.components!.schemas!.InboxItemAnswer as { properties: Record<string, unknown>; required: string[] };
    expect(inboxItem.properties.unread).toBeDefined();
    delete inboxItem.properties.unread;
    inboxItem.required = inboxItem.required.filter((name) => name !== 'unread');

    // when the committed file is checked against it
    const { code, stderr } = await apiCheck('--document', saved('tampered.json', tampered));

    // then the check fails, naming the stale file, where it differs and the command that fixes it
    expect(code).toBe(1);
    expect(stderr).toContain('web/lib/api-schema.d.ts is stale');
    expect(stderr).toMatch(/First difference at line \d+/);
    expect(stderr).toContain('Run `npm run api:generate`');
  });

  it('fail the check when the file is missing', () => {
    expect(apiSchemaStaleness(null, '// types')).toContain('Run `npm run api:generate`');
  });
});
