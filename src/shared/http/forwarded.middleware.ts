import type { NextFunction, Request, Response } from 'express';
import type { TLSSocket } from 'node:tls';
import type { TrustedProxies } from './trusted-proxies';

declare module 'express-serve-static-core' {
  interface Request {
    /** The connection comes from a proxy listed in TRUSTED_PROXIES, so its X-Forwarded-* and X-Request-Id count. */
    viaTrustedProxy: boolean;
    /** The visitor reached us over HTTPS: our own TLS, or a trusted proxy says so. Cookies get `Secure`. */
    viaHttps: boolean;
  }
}

/** A year; no includeSubDomains, since other hosts of the operator's domain may still speak plain HTTP. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Decides once per request, for the API and the pages alike, whether the forwarding headers are to
 * be believed and whether the visitor is on HTTPS; on HTTPS every answer carries HSTS.
 */
export function forwardedBy(proxies: TrustedProxies) {
  return (req: Request, res: Response, next: NextFunction): void => {
    req.viaTrustedProxy = proxies.includes(req.socket.remoteAddress);
    const forwardedProto = req.viaTrustedProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase() : '';
    req.viaHttps = (req.socket as Partial<TLSSocket>).encrypted === true || forwardedProto === 'https';
    if (req.viaHttps) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    next();
  };
}
