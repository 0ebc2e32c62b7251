import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP listener that records every request it gets (method, URL, cookie) and answers 200 with `body`. */
export interface RequestRecorder {
  port: number;
  requests: Array<{ method: string; url: string; cookie: string | null }>;
  close(): Promise<void>;
}

export async function recordRequests(port = 0, body = '<!doctype html><title>elsewhere</title><p>elsewhere</p>'): Promise<RequestRecorder> {
  const requests: RequestRecorder['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', cookie: req.headers.cookie ?? null });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
