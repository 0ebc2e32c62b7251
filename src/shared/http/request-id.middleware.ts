import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    /** Correlates the request's log lines and the events it causes. */
    requestId: string;
  }
}

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Takes a well-formed `X-Request-Id` from a trusted proxy (it is recorded as the reason of
 * configuration changes, so no client may choose it), or makes one; echoes it on the response.
 * Runs after `forwardedBy`.
 */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.viaTrustedProxy ? req.header('x-request-id') : undefined;
  req.requestId = given && acceptable.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.requestId);
  next();
}
