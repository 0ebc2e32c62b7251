import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_POLICY, type AccessPolicy } from './access';
import { readCookie, SESSION_COOKIE, sessionIdOf } from './session-cookie';
import { SESSION_RESOLVER, type SessionResolver } from './signed-in-user';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one authorization mechanism: every route declares a policy (a route without one is refused),
 * the session cookie names the user, and a mutating request from another site is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_RESOLVER) private readonly sessions: SessionResolver,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) throw new ForbiddenException('This route declares no access policy');
    const request = context.switchToHttp().getRequest<Request>();
    // Embeddable on any site, so anonymous by design: no session is read that a foreign page could ride on.
    if (policy.public && policy.crossSite) return true;
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
      throw new ForbiddenException('Cross-site requests may not change anything');
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const user = token ? this.sessions.resolve(sessionIdOf(token)) : null;
    if (user) request.user = user;
    if (policy.public) return true;
    if (!user) throw new UnauthorizedException('Sign in first');
    if (!policy.roles.includes(user.role)) throw new ForbiddenException(`Your role (${user.role}) may not do this`);
    return true;
  }
}

/** Browsers send Origin (and Sec-Fetch-Site) on every state-changing request; other clients send neither. */
function isCrossSite(request: Request): boolean {
  const fetchSite = request.header('sec-fetch-site');
  if (fetchSite === 'cross-site') return true;
  const origin = request.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.header('host');
  } catch {
    return true;
  }
}
