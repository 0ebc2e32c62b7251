import type { Request, Response } from 'express';
import { clearedSessionCookie, sessionCookie } from '../../../shared/http/session-cookie';
import type { StartedSession } from '../application/start-session';

export function setSessionCookie(request: Request, response: Response, session: StartedSession): void {
  const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  response.setHeader('Set-Cookie', sessionCookie(session.token, { maxAgeSeconds, secure: request.viaHttps }));
}

export function clearSessionCookie(response: Response): void {
  response.setHeader('Set-Cookie', clearedSessionCookie());
}
