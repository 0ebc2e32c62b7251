// The mail parser thread's entry (see MailParserPool): parses raw MIME off the thread that serves
// HTTP and SMTP, and hands back the parsed mail with the bytes of its bodies and attachments, for
// the blob store there.
import { serveThreadJobs } from '../../../shared/threads/thread-pool';
import { parseMail } from './parse-mail';
import type { ParseJob, ParseAnswer } from './mail-parser.pool';

serveThreadJobs<ParseJob, ParseAnswer>(async ({ raw, ownDomain, limits }) => {
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  // Each part is copied into a buffer of its own, which moves to the other thread without a copy
  // (a small Buffer is a slice of a pool shared with others).
  const keep = { put: async (part: Buffer) => parts.push(new Uint8Array(part)) };
  const { mail } = await parseMail(bytes, keep, ownDomain, limits);
  return { result: { mail, parts }, transfer: parts.map((part) => part.buffer) };
});
