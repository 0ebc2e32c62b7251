import type { Readable } from 'node:stream';
import { createTransport } from 'nodemailer';

export interface SmtpAnswer {
  ok: boolean;
  code: number | null;
  response: string;
}

/** Sends raw MIME over a real SMTP conversation on loopback and reports the server's answer. */
export async function sendRaw(port: number, to: string | string[], raw: string | Buffer | Readable, from = 'sender@example.com'): Promise<SmtpAnswer> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
  try {
    const info = await transport.sendMail({ envelope: { from, to: Array.isArray(to) ? to : [to] }, raw });
    return { ok: true, code: Number(/^(\d{3})/.exec(info.response)?.[1] ?? 250), response: info.response };
  } catch (error) {
    const failure = error as { responseCode?: number; response?: string; message: string };
    return { ok: false, code: failure.responseCode ?? null, response: failure.response ?? failure.message };
  } finally {
    transport.close();
  }
}

let sequence = 0;
/** A plain message with a fresh Message-ID unless one is given. */
export function simpleMail(options: { from?: string; to: string; subject?: string; body?: string; messageId?: string; headers?: string[] }): string {
  sequence += 1;
  const messageId = options.messageId ?? `<m${Date.now().toString(36)}.${sequence}@example.com>`;
  return [
    `From: ${options.from ?? 'Carla Customer <carla@example.com>'}`,
    `To: ${options.to}`,
    `Subject: ${options.subject ?? 'Where is my order?'}`,
    `Message-ID: ${messageId}`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...(options.headers ?? []),
    '',
    options.body ?? 'Hello, my order has not arrived yet.',
    '',
  ].join('\r\n');
}
