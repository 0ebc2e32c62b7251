import type { Role } from '../src/shared/domain/event-envelope';
import { API_PREFIX } from '../src/app.factory';
import { listRoutes, type RouteInfo } from '../src/shared/http/route-inventory';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { sendRaw, simpleMail } from './support/smtp-client';

// Walks every route of the app: each must declare who may call it, and each role, an anonymous
// caller and a user of another account are checked against that declaration.

type Agent = ReturnType<TestApi['agent']>;
let api: TestApi;
let routes: RouteInfo[];
const personas = new Map<Role | 'anonymous' | 'foreign', Agent>();
/** What `GET /api/me` tells each role it may do. */
const mePermissions = new Map<Role, string[]>();
const ROLES: readonly Role[] = ['primary_admin', 'admin', 'agent', 'auditor'];
/**
 * Real resources of account A, by the path before the parameter: a route of a new kind of resource
 * must add one here, so that "another account gets 404" is tested on something that exists.
 */
const samples: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  routes = listRoutes(api.app, API_PREFIX);
  const owner = await signUp(api);
  personas.set('primary_admin', owner.agent);
  samples['/api/chat'] = owner.accountId;
  samples['/api/sessions'] = '00000000-0000-4000-8000-000000000001';
  for (const role of ['admin', 'agent', 'auditor'] as const) {
    const email = uniqueEmail(role);
    const created = await owner.agent.post('/api/users').send({ name: `${role} person`, email, password: PASSWORD, role });
    const agent = api.agent();
    await agent.post('/api/auth/login').send({ email, password: PASSWORD });
    personas.set(role, agent);
    if (role === 'agent') samples['/api/users'] = created.body.userId;
  }
  personas.set('anonymous', api.agent());
  personas.set('foreign', (await signUp(api)).agent);
  for (const role of ROLES) mePermissions.set(role, (await (personas.get(role) as Agent).get('/api/me')).body.permissions);
  await mailResources(owner.agent);
  await formResources(owner.agent);
  await savedReplyResources(owner.agent);
  samples['/api/invitations'] = (await owner.agent.post('/api/invitations').send({ email: uniqueEmail('invitee'), role: 'agent' })).body.invitationId;
});

/** A form of account A (its submission route is public; the rest are for admins). */
async function formResources(owner: Agent): Promise<void> {
  const form = await owner.post('/api/forms').send({ name: 'Contact us', fields: [{ name: 'email', label: 'Email', type: 'email', required: true }] });
  samples['/api/forms'] = form.body.id;
}

/** A saved reply of account A (everyone reads it, admins write it). */
async function savedReplyResources(owner: Agent): Promise<void> {
  samples['/api/saved-replies'] = (await owner.post('/api/saved-replies').send({ name: 'Hello', body: 'Hello {{contact.name}}' })).body.id;
}

/** A conversation with an attachment, its contact and message, and a failed mail, in account A. */
async function mailResources(owner: Agent): Promise<void> {
  const { address } = (await owner.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `matrix${Date.now().toString(36)}` })).body;
  const port = api.smtpPort;
  const withAttachment = simpleMail({ to: address, subject: 'With attachment' }).replace(
    'Content-Type: text/plain; charset=utf-8\r\n\r\nHello, my order has not arrived yet.',
    'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee file.\r\n--b\r\nContent-Type: text/plain; name="a.txt"\r\nContent-Disposition: attachment; filename="a.txt"\r\n\r\nfile\r\n--b--',
  );
  await sendRaw(port, address, withAttachment);
  const failed = await sendRaw(port, address, simpleMail({ to: address }).replace(/^From: .*\r\n/m, ''));
  for (let i = 0; i < 200 && !(samples['/api/conversations'] && samples['/api/failed-mail']); i++) {
    const [conversation] = (await owner.get('/api/conversations')).body.items;
    if (conversation) samples['/api/conversations'] = conversation.id;
    if ((await owner.get('/api/failed-mail')).body.items.length > 0) samples['/api/failed-mail'] = /stored as (\S+)/.exec(failed.response)?.[1] as string;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const thread = (await owner.get(`/api/conversations/${samples['/api/conversations']}`)).body;
  samples['/api/messages'] = thread.messages[0].id;
  samples['/api/attachments'] = thread.messages[0].attachments[0].id;
  samples['/api/contacts'] = thread.contact.id;
  await owner.put(`/api/conversations/${samples['/api/conversations']}/tags`).send({ tags: ['Matrix'] });
  samples['/api/tags'] = (await owner.get('/api/tags')).body.items[0].id;
}

const API_PREFIX_PATH = `/${API_PREFIX}`;

/** Routes that answer with a never-ending stream (server-sent events). */
const STREAMS = new Set(['GET /api/stream']);

/** What an authorized caller sends, so it gets past validation to the resource itself. */
const sampleBodies: Record<string, object> = {
  'POST /api/conversations/:id/assign': { userId: null },
  'POST /api/conversations/:id/replies': { text: 'A reply from the access matrix' },
  'POST /api/conversations/:id/notes': { text: 'A note from the access matrix' },
  'POST /api/conversations/:id/forward': { to: 'workshop@example.org', text: 'A forward from the access matrix' },
  'POST /api/conversations/:id/presence': { state: 'viewing' },
  'PUT /api/conversations/:id/draft': { text: 'A draft from the access matrix' },
  'POST /api/conversations/:id/snooze': { until: null },
  'PUT /api/conversations/:id/tags': { tags: ['Matrix'] },
  'PATCH /api/tags/:id': { name: 'Matrix' },
};
afterAll(() => api.close());

/** Who reaches each route (the roles, or `public` for anyone): changed only on purpose. */
const ROUTE_ROLES: Record<string, string> = {
  'DELETE /api/saved-replies/:id': 'admin, primary_admin',
  'GET /api/account': 'admin, agent, auditor, primary_admin',
  'GET /api/assignees': 'admin, agent, auditor, primary_admin',
  'GET /api/attachments/:id': 'admin, agent, auditor, primary_admin',
  'GET /api/audit/channel-configuration': 'auditor, primary_admin',
  'GET /api/channels': 'admin, agent, auditor, primary_admin',
  'GET /api/channels/email/inbound-token': 'admin, primary_admin',
  'GET /api/chat/:accountId/sessions/:sessionId/messages': 'public',
  'GET /api/chat/:accountId/sessions/:sessionId/stream': 'public',
  'GET /api/contacts': 'admin, agent, auditor, primary_admin',
  'GET /api/contacts/:id': 'admin, agent, auditor, primary_admin',
  'GET /api/contacts/:id/reply-address': 'admin, agent, primary_admin',
  'GET /api/conversations': 'admin, agent, auditor, primary_admin',
  'GET /api/conversations/:id': 'admin, agent, auditor, primary_admin',
  'GET /api/conversations/:id/saved-replies/:savedReplyId/rendered': 'admin, agent, auditor, primary_admin',
  'GET /api/failed-mail': 'admin, primary_admin',
  'GET /api/failed-mail/:id/raw': 'admin, primary_admin',
  'GET /api/forms': 'admin, primary_admin',
  'GET /api/forms/:id': 'admin, primary_admin',
  'GET /api/forms/:id/public': 'public',
  'GET /api/health': 'public',
  'GET /api/invitations': 'admin, primary_admin',
  'GET /api/me': 'admin, agent, auditor, primary_admin',
  'GET /api/messages/:id/raw': 'admin, agent, auditor, primary_admin',
  'GET /api/notifications': 'admin, agent, auditor, primary_admin',
  'GET /api/saved-replies': 'admin, agent, auditor, primary_admin',
  'GET /api/saved-replies/:id': 'admin, agent, auditor, primary_admin',
  'GET /api/stream': 'admin, agent, auditor, primary_admin',
  'GET /api/tags': 'admin, agent, auditor, primary_admin',
  'GET /api/users': 'admin, primary_admin',
  'PATCH /api/account': 'primary_admin',
  'PATCH /api/channels/chat': 'admin, primary_admin',
  'PATCH /api/channels/email': 'primary_admin',
  'PATCH /api/forms/:id': 'admin, primary_admin',
  'PATCH /api/me': 'admin, agent, auditor, primary_admin',
  'PATCH /api/saved-replies/:id': 'admin, primary_admin',
  'PATCH /api/tags/:id': 'admin, primary_admin',
  'PATCH /api/users/:id': 'admin, primary_admin',
  'POST /api/accounts': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'POST /api/channels/email/forwarding-address': 'primary_admin',
  'POST /api/channels/email/inbound-token/rotate': 'admin, primary_admin',
  'POST /api/channels/email/preview': 'primary_admin',
  'POST /api/chat/:accountId/sessions': 'public',
  'POST /api/chat/:accountId/sessions/:sessionId/messages': 'public',
  'POST /api/chat/:accountId/sessions/:sessionId/visitor/verification': 'public',
  'POST /api/conversations/:id/assign': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/close': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/forward': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/messages/:messageId/retry': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/notes': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/presence': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/messages/:messageId/undo': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/reopen': 'admin, agent, primary_admin',
  'POST /api/conversations/bulk': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/replies': 'admin, agent, primary_admin',
  'POST /api/conversations/:id/seen': 'admin, agent, auditor, primary_admin',
  'POST /api/conversations/:id/snooze': 'admin, agent, primary_admin',
  'POST /api/failed-mail/:id/reprocess': 'admin, primary_admin',
  'POST /api/forms': 'admin, primary_admin',
  'POST /api/forms/:formId/submissions': 'public',
  'POST /api/inbound/mime': 'public',
  'POST /api/invitations': 'admin, primary_admin',
  'POST /api/invitations/:id/resend': 'admin, primary_admin',
  'POST /api/invitations/:id/revoke': 'admin, primary_admin',
  'POST /api/invitations/accept': 'public',
  'POST /api/invitations/check': 'public',
  'POST /api/notifications/read': 'admin, agent, auditor, primary_admin',
  'POST /api/saved-replies': 'admin, primary_admin',
  'POST /api/uploads': 'admin, agent, primary_admin',
  'POST /api/users': 'admin, primary_admin',
  'PUT /api/conversations/:id/tags': 'admin, agent, primary_admin',
  'DELETE /api/tags/:id': 'admin, primary_admin',
  'PUT /api/chat/:accountId/sessions/:sessionId/visitor': 'public',
  'PUT /api/conversations/:id/draft': 'admin, agent, primary_admin',
  'DELETE /api/conversations/:id/draft': 'admin, agent, primary_admin',
};

function call(agent: Agent, route: RouteInfo) {
  // Each parameter takes a sample of the resource named before it: /conversations/:id/messages/:messageId.
  const path = route.path.replace(/\/([\w-]+)\/:(\w+)/g, (_, name: string) => {
    const resource = `${API_PREFIX_PATH}/${name}`;
    const value = samples[resource];
    if (!value) throw new Error(`No sample resource for ${route.method} ${route.path}: add one for ${resource} to samples`);
    return `/${name}/${value}`;
  });
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  const request = agent[method](path);
  // A stream never ends: its status and headers are the answer, then the connection is dropped.
  if (STREAMS.has(`${route.method} ${route.path}`)) {
    return request.buffer(true).parse((response, done) => {
      (response as unknown as { destroy(): void }).destroy();
      done(null, null);
    });
  }
  // Otherwise an empty body: an authorized caller gets past the guard and fails validation at worst.
  return method === 'get' ? request : request.send(sampleBodies[`${route.method} ${route.path}`] ?? {});
}

describe('access matrix', () => {
  it('finds the routes of the app', () => {
    expect(routes.length).toBeGreaterThanOrEqual(9);
    expect(routes).toContainEqual(expect.objectContaining({ method: 'PATCH', path: '/api/users/:id' }));
    expect(routes).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/inbound/mime' }));
    expect(routes).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/conversations/:id/seen' }));
  });

  it('has an access policy on every route', () => {
    const undeclared = routes.filter((route) => route.policy === undefined).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('lets anyone reach public routes, and asks for the credential where the route names one', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.policy?.public)) {
      const response = await call(api.agent(), route);
      const needsCredential = Boolean((route.policy as { credential?: string }).credential);
      const refused = response.status === 401 || response.status === 403;
      if (refused !== needsCredential) wrong.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('grants each route to exactly these roles, so that a change of who may do what is a visible decision', () => {
    const granted = Object.fromEntries(
      routes.map((route) => [`${route.method} ${route.path}`, route.policy?.public ? 'public' : [...(route.policy?.roles ?? [])].sort().join(', ')]),
    );
    expect(granted).toEqual(ROUTE_ROLES);
  });

  it('answers each role as the route declares and as /api/me tells it: 401 anonymous, 403 outside the roles, through the guard otherwise', async () => {
    const outcomes: string[] = [];
    for (const route of routes.filter((r) => r.policy && !r.policy.public)) {
      const { roles: allowed, permission } = route.policy as { roles: readonly Role[]; permission: string };
      for (const persona of ['anonymous', ...ROLES] as const) {
        const response = await call(personas.get(persona) as Agent, route);
        const expected = persona === 'anonymous' ? 'unauthenticated' : allowed.includes(persona) ? 'allowed' : 'forbidden';
        const actual = response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : 'allowed';
        if (actual !== expected) outcomes.push(`${route.method} ${route.path} as ${persona}: ${response.status}, expected ${expected}`);
        const told = persona === 'anonymous' ? 'unauthenticated' : mePermissions.get(persona)?.includes(permission) ? 'allowed' : 'forbidden';
        if (actual !== told) outcomes.push(`${route.method} ${route.path} as ${persona}: ${response.status}, but /api/me says ${told} (${permission})`);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('tells each role in /api/me what it may do', () => {
    const everyone = ['account.read', 'channels.read', 'contacts.read', 'conversations.read', 'notifications.read', 'profile.read', 'profile.update', 'saved-replies.read'];
    const writers = [...everyone, 'contacts.reply-address.read', 'conversations.manage', 'conversations.note', 'conversations.reply'];
    const admins = [...writers, 'channels.chat.configure', 'channels.inbound-token.manage', 'failed-mail.manage', 'forms.manage', 'saved-replies.manage', 'tags.manage', 'users.manage'];
    const sorted = (permissions: string[]) => [...permissions].sort();
    expect(Object.fromEntries(ROLES.map((role) => [role, sorted(mePermissions.get(role) ?? [])]))).toEqual({
      primary_admin: sorted([...admins, 'account.configure', 'audit.read', 'channels.email.configure']),
      admin: sorted(admins),
      agent: sorted(writers),
      auditor: sorted([...everyone, 'audit.read']),
    });
  });

  it('names only permissions that some route is guarded by', () => {
    const guarding = new Set<string>(routes.flatMap((route) => (route.policy && !route.policy.public ? [route.policy.permission] : [])));
    const told = new Set(ROLES.flatMap((role) => mePermissions.get(role) ?? []));
    expect([...told].filter((permission) => !guarding.has(permission))).toEqual([]);
  });

  it('answers 404 to the primary admin of another account for anything of this account', async () => {
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.policy && !r.policy.public && r.path.includes(':'))) {
      const allowed = (route.policy as { roles: readonly Role[] }).roles.includes('primary_admin');
      const response = await call(personas.get('foreign') as Agent, route);
      if (response.status !== (allowed ? 404 : 403)) leaks.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it("refuses another account's conversations in a bulk action as not found, and leaves them as they were", async () => {
    const id = samples['/api/conversations'];
    const before = (await (personas.get('primary_admin') as Agent).get(`/api/conversations/${id}`)).body.status;
    const response = await (personas.get('foreign') as Agent).post('/api/conversations/bulk').send({ ids: [id], action: before === 'open' ? 'close' : 'reopen' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ results: [{ id, outcome: 'refused', reason: 'not found' }] });
    expect((await (personas.get('primary_admin') as Agent).get(`/api/conversations/${id}`)).body.status).toBe(before);
  });

  it("never shows another account's data in lists", async () => {
    const foreign = personas.get('foreign') as Agent;
    const users = await foreign.get('/api/users');
    expect(users.body.items).toHaveLength(1);
    expect(users.body.items[0].role).toBe('primary_admin');
    expect((await foreign.get('/api/forms')).body.items).toEqual([]);
    expect((await foreign.get('/api/saved-replies')).body.items).toEqual([]);
    expect((await foreign.get('/api/tags')).body.items).toEqual([]);
    expect((await foreign.get('/api/invitations')).body.items).toEqual([]);
  });
});
