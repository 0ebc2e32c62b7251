import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApiApp } from '../../src/app.factory';
import { InboundSmtpServer } from '../../src/contexts/inbound-mail/smtp/inbound-smtp.server';
import { loadConfig, type AppConfig } from '../../src/shared/config/app-config';
import { eventually } from './eventually';
import { makeTempDir } from './temp-dir';

export interface TestApi {
  app: NestExpressApplication;
  http: ReturnType<typeof request.agent>;
  config: AppConfig;
  /** The port the app's SMTP server listens on (SMTP_PORT is 0 in tests: a free one). */
  smtpPort: number;
  /** A cookie-keeping client, like one browser. */
  agent(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

/** The real API (real SQLite file in a temp dir, real HTTP through supertest), as production wires it. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const dir = makeTempDir('inbox-api-');
  // The suite signs up hundreds of accounts from one address; a spec about the limit sets its own.
  // Passwords hashed at a test run's cost (NODE_ENV=test allows it): the suite signs up hundreds.
  const config = loadConfig({ NODE_ENV: process.env.NODE_ENV, PASSWORD_HASH_COST: '10', DATA_DIR: dir.path, SMTP_PORT: '0', SIGNUPS_PER_IP_PER_HOUR: '100000', ...env });
  const app = await createApiApp(config, { logger: false });
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    smtpPort: app.get(InboundSmtpServer).port as number,
    http: request.agent(server),
    agent: () => request.agent(server),
    close: async () => {
      await app.close();
      dir.cleanup();
    },
  };
}

let counter = 0;
/** A unique email for one test run. */
export function uniqueEmail(name = 'user'): string {
  counter += 1;
  return `${name}.${Date.now().toString(36)}${counter}@example.com`;
}

export const PASSWORD = 'correct horse battery';

/**
 * Opens an account signed in as its primary admin. Its undo send delay is 0 (replies go out at once,
 * as specs about delivery expect) unless `undoSendSeconds` asks for one; the product's default is 10.
 */
export async function signUp(
  api: TestApi,
  { undoSendSeconds = 0, ...overrides }: Record<string, unknown> = {},
): Promise<{ agent: ReturnType<typeof request.agent>; accountId: string; userId: string; email: string }> {
  const agent = api.agent();
  const email = (overrides.email as string) ?? uniqueEmail('owner');
  const response = await agent
    .post('/api/accounts')
    .send({ accountName: 'Acme', ownerName: 'Anna Owner', email, password: PASSWORD, plan: 'trial', ...overrides });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  if (undoSendSeconds !== null) await setUndoSendSeconds(agent, undoSendSeconds as number);
  return { agent, accountId: response.body.accountId, userId: response.body.userId, email };
}

/**
 * The account's undo send delay, set by its primary admin (`agent`). Right after sign-up on a busy
 * machine the session may not be readable yet (sign-up waits for the read models at most 5 s), so
 * a 401 is read again until the session shows.
 */
export async function setUndoSendSeconds(agent: ReturnType<typeof request.agent>, seconds: number): Promise<void> {
  const changed = await eventually(
    async () => agent.patch('/api/account').send({ undoSendSeconds: seconds }),
    (response) => response.status !== 401,
    'the new session to be readable',
  );
  if (changed.status !== 200) throw new Error(`setting undoSendSeconds failed: ${changed.status} ${JSON.stringify(changed.body)}`);
}
