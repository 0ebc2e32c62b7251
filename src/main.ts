import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApiApp } from './app.factory';
import { configOrExit } from './shared/config/config-or-exit';
import { mountWebFrontend } from './web-frontend';
import { messageOf } from './shared/error-message';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await createApiApp(config);
  const web = mountWebFrontend(app);
  const server = await app.listen(config.port);
  const { port } = server.address() as AddressInfo;
  // Server components call the API over loopback, forwarding the caller's cookie.
  process.env.INBOX_API_URL = `http://127.0.0.1:${port}`;
  await web.start(port);
  // Keep-alive sockets would hold the shutdown open; idle ones are closed at once on SIGTERM.
  process.once('SIGTERM', () => server.closeIdleConnections?.());
  new Logger('Inbox').log(`web and API on http://localhost:${port} (data in ${config.dataDir})`);
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(`Inbox failed to start: ${messageOf(error)}\n`);
  process.exit(1);
});
