import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import next from 'next';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_PREFIX } from './app.factory';

export const WEB_DIR = resolve(__dirname, '..', '..', 'web');

/** Read by the web app (web/lib/public-origin.ts): the visitor's scheme and host as decided here, never as sent. */
const VISITOR_SCHEME_HEADER = 'x-inbox-scheme';
const VISITOR_HOST_HEADER = 'x-inbox-host';
/**
 * Marks a request this process handed to Next. Next fetches its own page after a server action's
 * redirect, with the original request's headers but from loopback and with its own Host: carrying
 * this mark, the visitor's scheme and host decided for the original request stay as they were.
 * It never leaves the process.
 */
const HANDED_TO_NEXT_HEADER = 'x-inbox-front';

type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * Serves the built Next.js app for every path outside `/api`, from the same process and port as
 * the API. Mounted before `listen`, so it sits in front of Nest's own 404; Next itself starts once
 * the port is known (`start`): it fetches its own pages (a server action's redirect), and without
 * its real port and host it asked whatever listened on port 3000, session cookie included.
 */
export function mountWebFrontend(app: NestExpressApplication): { start(port: number): Promise<void> } {
  if (!existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) {
    throw new Error(`The web front end is not built: run "npm run build:web" (looked in ${join(WEB_DIR, '.next')})`);
  }
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  let handle: Handler | null = null;
  const apiPath = `/${API_PREFIX}`;
  const mark = randomBytes(32).toString('hex');
  const handedBefore = (req: Request) => {
    const given = Buffer.from(String(req.headers[HANDED_TO_NEXT_HEADER] ?? ''));
    return given.length === mark.length && timingSafeEqual(given, Buffer.from(mark));
  };
  app.use((req: Request, res: Response, nextHandler: () => void) => {
    if (req.path === apiPath || req.path.startsWith(`${apiPath}/`)) return nextHandler();
    if (!handle) {
      res.status(503).setHeader('Retry-After', '1').end('Starting');
      return;
    }
    if (!handedBefore(req)) {
      // Server components call the API on the visitor's behalf; the visitor's address goes with them
      // (for sign-in rate limits), appended like a proxy would.
      const peer = req.socket.remoteAddress ?? 'unknown';
      const chain = req.headers['x-forwarded-for'];
      req.headers['x-forwarded-for'] = chain ? `${String(chain)}, ${peer}` : peer;
      // What only a trusted proxy may tell (see forwardedBy). Next keeps X-Forwarded-Host for its
      // server actions' origin check.
      if (!req.viaTrustedProxy) delete req.headers['x-forwarded-host'];
      const forwardedHost = req.headers['x-forwarded-host'];
      req.headers[VISITOR_SCHEME_HEADER] = req.viaHttps ? 'https' : 'http';
      req.headers[VISITOR_HOST_HEADER] = String(forwardedHost ?? req.headers.host ?? '').split(',')[0].trim();
      req.headers[HANDED_TO_NEXT_HEADER] = mark;
    }
    // Next builds the address of its own fetches from X-Forwarded-Proto, and it listens on plain
    // HTTP here: the scheme travels in the header of ours instead.
    delete req.headers['x-forwarded-proto'];
    void handle(req, res);
  });
  return {
    async start(port: number) {
      // Where the web app's server code reads its message catalogues (web/i18n/messages.ts).
      process.env.INBOX_WEB_DIR = WEB_DIR;
      const web = next({ dev: false, dir: WEB_DIR, quiet: true, hostname: '127.0.0.1', port });
      await web.prepare();
      handle = web.getRequestHandler() as Handler;
    },
  };
}
