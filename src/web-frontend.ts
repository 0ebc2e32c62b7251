import type { NestExpressApplication } from '@nestjs/platform-express';
import next from 'next';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { API_PREFIX } from './app.factory';

export const WEB_DIR = resolve(__dirname, '..', '..', 'web');

/**
 * Serves the built Next.js app for every path outside `/api`, from the same process and port as
 * the API. Must run before `listen`, so it sits in front of Nest's own 404.
 */
export async function mountWebFrontend(app: NestExpressApplication): Promise<void> {
  if (!existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) {
    throw new Error(`The web front end is not built: run "npm run build:web" (looked in ${join(WEB_DIR, '.next')})`);
  }
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  const web = next({ dev: false, dir: WEB_DIR, quiet: true });
  await web.prepare();
  const handle = web.getRequestHandler();
  const apiPath = `/${API_PREFIX}`;
  app.use((req: IncomingMessage & { path: string }, res: unknown, nextHandler: () => void) => {
    if (req.path === apiPath || req.path.startsWith(`${apiPath}/`)) return nextHandler();
    // Server components call the API on the visitor's behalf; the visitor's address goes with them
    // (for sign-in rate limits), appended like a proxy would.
    const peer = req.socket.remoteAddress ?? 'unknown';
    const chain = req.headers['x-forwarded-for'];
    req.headers['x-forwarded-for'] = chain ? `${String(chain)}, ${peer}` : peer;
    void handle(req as never, res as never);
  });
}
