import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { visitorUsesHttps } from './public-origin';

/**
 * The one way the web app talks to the API: from the server, over loopback, with the visitor's
 * session cookie, reshaped into the app's own types. The API decides; pages show its reasons.
 */

export const SESSION_COOKIE = 'inbox_session';

export type Role = 'primary_admin' | 'admin' | 'agent' | 'auditor';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface ApiAnswer<T> {
  status: number;
  body: T;
  setCookie: string | null;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const base = process.env.INBOX_API_URL ?? 'http://127.0.0.1:3000';
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  // The front end is the API's proxy: it passes on who the visitor is (the API trusts loopback only).
  const forwardedFor = (await headers()).get('x-forwarded-for');
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(session ? { cookie: `${SESSION_COOKIE}=${encodeURIComponent(session)}` } : {}),
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    cache: 'no-store',
  });
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : {}) as T;
  return { status: response.status, body: parsed, setCookie: response.headers.get('set-cookie') };
}

async function read<T>(path: string, { allow = [] as number[] } = {}): Promise<T> {
  const answer = await call<T & { message?: string; field?: string }>('GET', path);
  if (answer.status >= 400 && !allow.includes(answer.status)) {
    throw new ApiError(answer.status, answer.body.message ?? `The API answered ${answer.status}`, answer.body.field);
  }
  return answer.body;
}

/** For server actions: the API's answer, with its error message and field when it refused. */
export async function send<T>(
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
): Promise<{ ok: true; body: T; setCookie: string | null } | { ok: false; status: number; message: string; field?: string }> {
  const answer = await call<T & { message?: string; field?: string }>(method, path, body);
  if (answer.status >= 400) {
    return { ok: false, status: answer.status, message: answer.body.message ?? 'Something went wrong', field: answer.body.field };
  }
  return { ok: true, body: answer.body, setCookie: answer.setCookie };
}

/** Copies the session cookie the API set onto the browser's response. */
export async function adoptSessionCookie(setCookie: string | null): Promise<void> {
  const match = setCookie && /inbox_session=([^;]*)/.exec(setCookie);
  if (!match) return;
  const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1] ?? 0);
  const store = await cookies();
  if (!match[1] || maxAge === 0) {
    store.delete(SESSION_COOKIE);
    return;
  }
  store.set(SESSION_COOKIE, decodeURIComponent(match[1]), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge,
    secure: await visitorUsesHttps(),
  });
}

// ---- Reads, in the app's own types -------------------------------------------------------------

export interface Me {
  userId: string;
  accountId: string;
  name: string;
  email: string;
  role: Role;
  /** What the user may do, named as the API's access table names it (e.g. `conversations.reply`). */
  permissions: string[];
}

/** The signed-in user, or null when there is no live session; asked once per request. */
export const getMe = cache(async (): Promise<Me | null> => {
  const answer = await call<Me>('GET', '/me');
  return answer.status === 200 ? answer.body : null;
});

export interface Account {
  name: string;
  plan: 'trial' | 'seats';
  timeZone: string;
  locale: string;
}

export const getAccount = () => read<Account>('/account');

export interface User {
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
  /** Whether the users page may offer to change this user's role and access. */
  changeable: boolean;
}

export interface Users {
  items: User[];
  /** The roles a user can be given, in the order to offer them. */
  assignableRoles: Role[];
}

export const getUsers = () => read<Users>('/users');

export interface EmailChannel {
  enabled: boolean;
  defaultSubject: string;
  fromName: string;
  forwardingAddress: string | null;
  outbound: 'smtp' | 'file';
  inboxDomain: string;
  providerConfirmations: Array<{ provider: string; code: string | null; link: string | null; receivedAt: string }>;
}

export interface Channels {
  email: EmailChannel | null;
  chat: { enabled: boolean };
}

export const getChannels = () => read<Channels>('/channels');

export interface EmailPreview {
  from: string;
  subject: string;
  html: string;
  text: string;
}

export interface AuditEvent {
  stream: 'email' | 'chat';
  revision: number;
  type: string;
  at: string;
  actor: { userId: string; role: Role; name?: string } | { system: string } | null;
  requestId: string;
  data: Record<string, unknown>;
}

export interface ChannelAudit {
  at: string | null;
  state: {
    email: { enabled: boolean; defaultSubject: string | null; fromName: string | null; forwardingAddress: string | null };
    chat: { enabled: boolean };
  };
  events: AuditEvent[];
  chain: { intact: boolean; email: ChainVerdict; chat: ChainVerdict };
}

interface ChainVerdict {
  intact: boolean;
  brokenAt: { revision: number; type: string } | null;
  headHash: string | null;
}

export const getChannelAudit = (at?: string) =>
  read<ChannelAudit>(`/audit/channel-configuration${at ? `?at=${encodeURIComponent(at)}` : ''}`);

export interface Contact {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

export interface ContactProfile extends Contact {
  emails: string[];
  conversations: Array<{ id: string; channel: string; subject: string; startedAt: string }>;
  recentActivity: Array<{ type: string; at: string; details: Record<string, unknown> }>;
}

export async function getContacts(q?: string): Promise<Contact[]> {
  return (await read<{ items: Contact[] }>(`/contacts${q ? `?q=${encodeURIComponent(q)}` : ''}`)).items;
}

/** null when the contact does not exist or belongs to another account. */
export async function getContact(id: string): Promise<ContactProfile | null> {
  const answer = await call<ContactProfile>('GET', `/contacts/${encodeURIComponent(id)}`);
  return answer.status === 200 ? answer.body : null;
}

/** Why a mail is in the failed-mail queue; `not-shown`: received and kept, but some screen could not take it (its events are parked). */
export type FailedMailStatus = 'unparsed' | 'unrouted' | 'not-shown';

export interface FailedMail {
  id: string;
  status: FailedMailStatus;
  reason: string | null;
  /** For `not-shown`: each event set aside, where, and the error it failed with. */
  parked?: Array<{ id: number; subscription: string; eventType: string; error: string; attempts: number; lastAttemptAt: string }>;
  recipients: string[];
  via: 'smtp' | 'http';
  receivedAt: string;
  from: string | null;
  subject: string | null;
  size: number;
}

export async function getFailedMail(): Promise<FailedMail[]> {
  return (await read<{ items: FailedMail[] }>('/failed-mail')).items;
}

export interface ConversationSummary {
  id: string;
  subject: string;
  contact: { id: string; name: string; email: string };
  channel: 'email' | 'chat' | 'form';
  status: 'open' | 'closed';
  assignee: string | null;
  lastMessageAt: string;
  preview: string;
}

export interface InboxItem extends ConversationSummary {
  /** Inbound activity since the signed-in user last opened it. */
  unread: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  /** Per status tab, with the other filters applied. */
  counts: { open: number; closed: number };
}

export async function getConversations(filters: { status?: string; cursor?: string; q?: string }): Promise<InboxPage> {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  // An empty status asks for every status; the API's default is every status too.
  return read(`/conversations${query.size ? `?${query}` : ''}`);
}

export interface ThreadMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  from: { name: string; address: string } | null;
  to: Array<{ name: string; address: string }>;
  cc: Array<{ name: string; address: string }>;
  subject: string;
  text: string;
  replyText: string;
  html: string | null;
  attachments: Array<{ id: string; filename: string | null; contentType: string; size: number; inline: boolean; url: string }>;
  omittedAttachments: Array<{ filename: string | null; size: number; reason: string }>;
  /** Which bodies of an inbound mail were cut at intake (the .eml has all of it); null when none. */
  truncated: { text?: boolean; html?: boolean } | null;
  sentAt: string;
  /** When it reached us (inbound) or was queued (outbound). */
  receivedAt: string;
  kind: string;
  receivedWhileDisabled: boolean;
  /** Outbound replies only: where the outbox stands, and the relay's last refusal. */
  deliveryStatus: 'queued' | 'sent' | 'failed' | null;
  deliveryError: string | null;
  deliveryAttempts: number;
  nextAttemptAt: string | null;
}

/** What the reply composer shows: the from line and subject the contact gets, or why no reply can go out. */
export interface Composer {
  canReply: boolean;
  reason: string | null;
  /** Where the reply goes: by email, or into a chat visitor's chat. */
  via: 'email' | 'chat';
  /** For chats: where the reply will reach the visitor, in words. */
  note: string | null;
  from: string;
  to: string | null;
  subject: string;
}

export interface Thread extends ConversationSummary {
  participants: string[];
  linkedConversationIds: string[];
  messages: ThreadMessage[];
  composer: Composer;
}

/** Whom a conversation can be given to: active users of the account who can reply. */
export async function getAssignees(): Promise<Array<{ userId: string; name: string }>> {
  return (await read<{ items: Array<{ userId: string; name: string }> }>('/assignees')).items;
}

/** null when the conversation does not exist or belongs to another account. */
export async function getThread(id: string): Promise<Thread | null> {
  const answer = await call<Thread>('GET', `/conversations/${encodeURIComponent(id)}`);
  return answer.status === 200 ? answer.body : null;
}

/**
 * What /api/health tells anyone: `degraded` is up, with events set aside (parked) that an operator
 * can see and retry. The detail (components, positions, errors) is for operators only, and this app's
 * server asks on its visitor's behalf.
 */
export interface SystemStatus {
  status: 'ok' | 'degraded' | 'down';
}

export async function getSystemStatus(): Promise<SystemStatus> {
  const health = await read<SystemStatus>('/health', { allow: [503] });
  return { status: health.status };
}

export type FormFieldType = 'text' | 'email' | 'textarea' | 'select' | 'tel';

export interface FormField {
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
}

export interface FormDefinition {
  id: string;
  name: string;
  fields: FormField[];
  createdAt: string;
  updatedAt: string;
  submissions: number;
  lastSubmittedAt: string | null;
}

export async function getForms(): Promise<FormDefinition[]> {
  return (await read<{ items: FormDefinition[] }>('/forms')).items;
}

/** null when the form does not exist or belongs to another account. */
export async function getForm(id: string): Promise<FormDefinition | null> {
  const answer = await call<FormDefinition>('GET', `/forms/${encodeURIComponent(id)}`);
  return answer.status === 200 ? answer.body : null;
}

export interface PublicForm {
  id: string;
  name: string;
  fields: FormField[];
  honeypotField: string;
}

/** What the hosted page shows to anyone; null when there is no such form. */
export async function getPublicForm(id: string): Promise<PublicForm | null> {
  const answer = await call<PublicForm>('GET', `/forms/${encodeURIComponent(id)}/public`);
  return answer.status === 200 ? answer.body : null;
}

/** The contact's own reply address, or why there is none yet (no forwarding address). */
export async function getReplyAddress(contactId: string): Promise<{ address: string } | { reason: string }> {
  const answer = await call<{ address?: string; message?: string }>('GET', `/contacts/${encodeURIComponent(contactId)}/reply-address`);
  if (answer.status === 200 && answer.body.address) return { address: answer.body.address };
  if (answer.status === 409) return { reason: answer.body.message ?? 'No reply address yet' };
  throw new ApiError(answer.status, answer.body.message ?? `The API answered ${answer.status}`);
}
