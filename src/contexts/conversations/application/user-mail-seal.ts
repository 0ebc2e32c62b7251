import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The text of a mail that carries a secret (a one-time link), sealed with AES-256-GCM under a key
 * made from the server secret, so that the event log and its copies do not hand out working links:
 * only a node that holds the secret (the outbox, at send time) reads it. `v1.<iv>.<tag>.<data>`, base64url.
 */
export interface MailBody {
  text: string;
  html?: string;
}

const keyOf = (secret: string) => createHash('sha256').update(`inbox user mail v1\u0000${secret}`).digest();

export function sealMailBody(secret: string, body: MailBody): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Throws when the seal was made with another secret or altered. */
export function unsealMailBody(secret: string, sealed: string): MailBody {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed mail body');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const body = JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')) as MailBody;
  return body;
}
