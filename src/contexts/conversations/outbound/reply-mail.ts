import type Mail from 'nodemailer/lib/mailer';
import type { ReplyQueued } from '../domain/outgoing-reply';

/** The bytes of a reply's attachments, by blob hash, read from the blob store for one attempt. */
export type ReplyParts = ReadonlyMap<string, Buffer>;

/**
 * The MIME message of a queued reply. Everything comes from the event (and the blobs it names), so
 * every attempt sends the same message; the marker goes into both bodies for providers that rewrite
 * Message-IDs. Bcc goes into the envelope only: nodemailer never writes a Bcc header for an envelope
 * it is given. A reply whose html is empty (the channel sends plain text only) has no HTML part.
 */
export function replyMail(reply: ReplyQueued['data'], parts: ReplyParts = new Map()): Mail.Options {
  const markerLine = `<p style="margin:24px 0 0;color:#94a3b8;font-size:11px">${reply.marker}</p>`;
  const html = /<\/body>/i.test(reply.html) ? reply.html.replace(/<\/body>/i, `${markerLine}</body>`) : `${reply.html}${markerLine}`;
  const cc = reply.cc ?? [];
  const bcc = reply.bcc ?? [];
  return {
    from: { name: reply.from.name, address: reply.from.address },
    to: { name: reply.to.name, address: reply.to.address },
    ...(cc.length > 0 ? { cc: cc.map(({ name, address }) => ({ name, address })) } : {}),
    replyTo: reply.replyTo,
    subject: reply.subject,
    messageId: reply.internetMessageId,
    inReplyTo: reply.inReplyTo ?? undefined,
    references: reply.references.length > 0 ? reply.references : undefined,
    date: new Date(reply.queuedAt),
    text: `${reply.text}\n\n${reply.marker}\n`,
    ...(reply.html === '' ? {} : { html }),
    attachments: (reply.attachments ?? []).map((part) => {
      const content = parts.get(part.hash);
      if (!content) throw new Error(`attachment ${part.filename ?? part.hash} is not in the blob store`);
      return {
        filename: part.filename ?? undefined,
        content,
        contentType: part.contentType,
        contentDisposition: part.inline ? ('inline' as const) : ('attachment' as const),
        ...(part.contentId ? { cid: part.contentId.replace(/^<|>$/g, '') } : {}),
      };
    }),
    headers: { 'Auto-Submitted': 'no', 'Thread-Index': reply.threadIndex, 'Thread-Topic': reply.subject },
    envelope: { from: reply.from.address, to: [reply.to, ...cc, ...bcc].map((person) => person.address) },
  };
}
