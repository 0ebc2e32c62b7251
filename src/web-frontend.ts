import type { NestExpressApplication } from '@nestjs/platform-express';
import next from 'next';
import { existsSync } from 'node:fs';
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
  const web = next({ dev: false, dir: WEB_DIR, quiet: true });
  await web.prepare();
  const handle = web.getRequestHandler();
  const apiPath = `/${API_PREFIX}`;
  app.use((req: { path: string }, res: unknown, nextHandler: () => void) => {
    if (req.path === apiPath || req.path.startsWith(`${apiPath}/`)) return nextHandler();
    void handle(req as never, res as never);
  });
}
