import type Mail from 'nodemailer/lib/mailer';
import type { ReplyQueued } from '../domain/outgoing-reply';

/**
 * The MIME message of a queued reply. Everything comes from the event, so every attempt sends the
 * same message; the marker goes into both bodies for providers that rewrite Message-IDs.
 */
export function replyMail(reply: ReplyQueued['data']): Mail.Options {
  const markerLine = `<p style="margin:24px 0 0;color:#94a3b8;font-size:11px">${reply.marker}</p>`;
  const html = /<\/body>/i.test(reply.html) ? reply.html.replace(/<\/body>/i, `${markerLine}</body>`) : `${reply.html}${markerLine}`;
  return {
    from: { name: reply.from.name, address: reply.from.address },
    to: { name: reply.to.name, address: reply.to.address },
    replyTo: reply.replyTo,
    subject: reply.subject,
    messageId: reply.internetMessageId,
    inReplyTo: reply.inReplyTo ?? undefined,
    references: reply.references.length > 0 ? reply.references : undefined,
    date: new Date(reply.queuedAt),
    text: `${reply.text}\n\n${reply.marker}\n`,
    html,
    headers: { 'Auto-Submitted': 'no', 'Thread-Index': reply.threadIndex, 'Thread-Topic': reply.subject },
    envelope: { from: reply.from.address, to: [reply.to.address] },
  };
}
