import request from 'supertest';
import type { TestApi } from './api-app';
import { eventually } from './eventually';

type Agent = ReturnType<typeof request.agent>;

interface SubscriptionHealth {
  name: string;
  state: string;
  checkpoint: string;
  caughtUp: boolean;
  lastError: string | null;
  parked?: number;
}

export interface HealthView {
  status: number;
  body: { status: string; subscriptions: SubscriptionHealth[]; [component: string]: unknown };
}

/** What is wrong with a health answer for "nothing is stuck"; [] when it is 200 with every subscription caught up. */
export function stuckIn(health: HealthView): string[] {
  const problems: string[] = [];
  if (health.status !== 200) problems.push(`/api/health answered ${health.status}`);
  // Parked events make health "degraded" (still 200): mail nobody sees, so stuck as well here.
  else if (health.body.status !== 'ok') problems.push(`/api/health says ${health.body.status}`);
  for (const s of health.body.subscriptions ?? []) {
    if (s.state === 'retrying') problems.push(`${s.name} is retrying: ${s.lastError}`);
    else if (!s.caughtUp) problems.push(`${s.name} is behind (${s.state})`);
    // Parked events (once health reports them) are mail nobody sees: they count as stuck here.
    if (typeof s.parked === 'number' && s.parked > 0) problems.push(`${s.name} parked ${s.parked} event(s)`);
  }
  return problems;
}

export async function readHealth(api: TestApi): Promise<HealthView> {
  const response = await request(api.app.getHttpServer()).get('/api/health');
  return { status: response.status, body: response.body as HealthView['body'] };
}

/**
 * Waits until /api/health is 200 with every projection and process manager caught up with the log
 * and none retrying; fails naming what is stuck. A subscription that keeps retrying never gets
 * there, so this is also how a jam shows.
 */
export async function waitUntilSettled(api: TestApi, timeoutMs = 30_000): Promise<HealthView> {
  return eventually(() => readHealth(api), (health) => stuckIn(health).length === 0, 'health 200 with every subscription caught up', timeoutMs).catch(
    async (error: unknown) => {
      const problems = stuckIn(await readHealth(api));
      throw new Error(`${problems.join('; ') || 'not settled'}\n${(error as Error).message}`);
    },
  );
}

export interface InboxMessage {
  id: string;
  direction: string;
  kind: string;
  subject: string;
  text: string;
  internetMessageId: string | null;
  attachments: Array<{ id: string; filename: string | null; size: number }>;
}

export interface InboxConversation {
  id: string;
  subject: string;
  status: string;
  contact: { id: string; name: string; email: string };
  messages: InboxMessage[];
}

export interface FailedMail {
  id: string;
  reason: string | null;
  subject: string | null;
}

/** Everything an agent can open: every conversation (open and closed, all pages) with its messages. */
export async function allConversations(agent: Agent): Promise<InboxConversation[]> {
  const conversations: InboxConversation[] = [];
  for (const status of ['open', 'closed']) {
    let cursor: string | null = null;
    do {
      const page: request.Response = await agent.get('/api/conversations').query({ status, limit: 100, ...(cursor ? { cursor } : {}) });
      if (page.status !== 200) throw new Error(`GET /api/conversations answered ${page.status}: ${JSON.stringify(page.body)}`);
      for (const item of page.body.items as Array<{ id: string }>) {
        const one = await agent.get(`/api/conversations/${item.id}`);
        if (one.status !== 200) throw new Error(`GET /api/conversations/${item.id} answered ${one.status}: ${JSON.stringify(one.body)}`);
        conversations.push(one.body as InboxConversation);
      }
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
  }
  return conversations;
}

/** The admin's failed-mail queue. */
export async function failedMail(agent: Agent): Promise<FailedMail[]> {
  const response = await agent.get('/api/failed-mail');
  if (response.status !== 200) throw new Error(`GET /api/failed-mail answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.items as FailedMail[];
}

/** Where each inbound message id can be seen: in a conversation, or in the failed-mail queue with a reason. */
export async function whereUsersSee(agent: Agent): Promise<{ inConversation: Map<string, string>; failed: Map<string, FailedMail>; conversations: InboxConversation[] }> {
  const conversations = await allConversations(agent);
  const inConversation = new Map<string, string>();
  for (const conversation of conversations) for (const message of conversation.messages) inConversation.set(message.id, conversation.id);
  const failed = new Map((await failedMail(agent)).map((item) => [item.id, item]));
  return { inConversation, failed, conversations };
}
