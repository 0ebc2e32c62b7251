import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../domain/event-envelope';
import type { CommandContext } from '../application/command-context';

export interface SignedInUser {
  userId: string;
  accountId: string;
  name: string;
  email: string;
  role: Role;
  sessionId: string;
}

/** Finds the signed-in user of a session id; provided by the Accounts context. */
export interface SessionResolver {
  resolve(sessionId: string): SignedInUser | null;
}
export const SESSION_RESOLVER = Symbol('SESSION_RESOLVER');

declare module 'express-serve-static-core' {
  interface Request {
    user?: SignedInUser;
  }
}

/** The signed-in user of the request; routes that use it are not public, so the guard has set it. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SignedInUser => {
  const user = context.switchToHttp().getRequest<Request>().user;
  if (!user) throw new Error('CurrentUser used on a route without a signed-in user');
  return user;
});

/** The actor, account and request id of an HTTP request, for the events its command writes. */
export const RequestContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<Request>();
  return commandContextOf(request);
});

export function commandContextOf(request: Request): CommandContext {
  const user = request.user;
  return {
    actor: user ? { userId: user.userId, role: user.role } : { system: 'anonymous' },
    accountId: user?.accountId ?? null,
    correlationId: request.requestId,
    causationId: null,
  };
}
