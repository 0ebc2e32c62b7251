import type { AddressInfo } from 'node:net';
import type { TestApi } from './api-app';
import { eventually } from './eventually';

/** The test API's server listening on a loopback port, for clients that need a real socket (streams). */
export async function listening(api: TestApi): Promise<string> {
  const server = api.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface EventStreamReader {
  events: Array<{ type: string; data: unknown }>;
  /** Resolves when the server has ended the stream (or after close()). */
  ended: Promise<void>;
  close(): Promise<void>;
}

/** Reads a server-sent event stream as a browser's EventSource would; resolves once its `ready` event came. */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
  const attempt = await tryEventStream(url, headers);
  if ('refused' in attempt) throw new Error(`stream answered ${attempt.status}: ${JSON.stringify(attempt.refused)}`);
  return attempt;
}

/** Opens a stream like openEventStream, or reports the status and body of a refusal. */
export async function tryEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamReader | { status: number; refused: Record<string, unknown> }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200) return { status: response.status, refused: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const events: Array<{ type: string; data: unknown }> = [];
  let buffer = '';
  const ended = (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return;
      buffer += Buffer.from(chunk.value).toString('utf8');
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        events.push({ type, data: data ? JSON.parse(data) : null });
      }
    }
  })().catch(() => undefined);
  await eventually(async () => events.some((event) => event.type === 'ready'), Boolean, 'the stream to be ready');
  return {
    events,
    ended,
    close: async () => {
      controller.abort();
      await ended;
    },
  };
}
