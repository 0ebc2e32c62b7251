import { SetMetadata } from '@nestjs/common';
import type { Role } from '../domain/event-envelope';

export const ACCESS_POLICY = 'inbox:access-policy';

/**
 * Who may call a route: anyone (optionally proving a credential other than a session, checked by
 * the route itself), or signed-in users with one of the roles. Every route declares one.
 */
export type AccessPolicy =
  | { public: true; credential?: 'inbound-token' | 'chat-visitor-token'; crossSite?: true }
  | { public: false; roles: readonly Role[] };

export const ALL_ROLES: readonly Role[] = ['primary_admin', 'admin', 'agent', 'auditor'];
/** Everyone who may write in conversations: never the auditor. */
export const REPLIERS: readonly Role[] = ['primary_admin', 'admin', 'agent'];
export const ADMINS: readonly Role[] = ['primary_admin', 'admin'];
export const PRIMARY_ADMIN: readonly Role[] = ['primary_admin'];
export const AUDITORS: readonly Role[] = ['primary_admin', 'auditor'];

/** The route is open to anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_POLICY, { public: true } satisfies AccessPolicy);

/**
 * Open to anyone and to posts from any site (a form embedded elsewhere): the same-site check is
 * skipped, so such a route must never act on the caller's session; the guard does not even read it.
 */
export const PublicCrossSite = () => SetMetadata(ACCESS_POLICY, { public: true, crossSite: true } satisfies AccessPolicy);

/** No session: the caller proves the account's inbound token, which the route checks. */
export const InboundTokenCredential = () =>
  SetMetadata(ACCESS_POLICY, { public: true, credential: 'inbound-token' } satisfies AccessPolicy);

/** No session: a chat visitor proves the token their chat session was given, which the route checks. */
export const ChatVisitorCredential = () =>
  SetMetadata(ACCESS_POLICY, { public: true, credential: 'chat-visitor-token' } satisfies AccessPolicy);

/** The route is open to signed-in users with one of these roles, within their own account. */
export const Allow = (roles: readonly Role[]) => SetMetadata(ACCESS_POLICY, { public: false, roles } satisfies AccessPolicy);
