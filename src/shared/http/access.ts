import { SetMetadata } from '@nestjs/common';
// The access table is Accounts' (it owns roles); the guard only reads it. A plain module, so no import circle.
import { rolesHolding, type Permission } from '../../contexts/accounts/domain/permissions';
import type { Role } from '../domain/event-envelope';

export const ACCESS_POLICY = 'inbox:access-policy';

/**
 * Who may call a route: anyone (optionally proving a credential other than a session, checked by
 * the route itself), or signed-in users holding a permission, that is one of its roles. Every
 * route declares one.
 */
export type AccessPolicy =
  | { public: true; credential?: 'inbound-token' | 'chat-visitor-token'; crossSite?: true }
  | { public: false; permission: Permission; roles: readonly Role[] };

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

/** The route is open to signed-in users whose role holds the permission, within their own account. */
export const Allow = (permission: Permission) =>
  SetMetadata(ACCESS_POLICY, { public: false, permission, roles: rolesHolding(permission) } satisfies AccessPolicy);
