import { htmlToText } from 'html-to-text';
import { simpleParser, type AddressObject, type Attachment, type HeaderValue, type ParsedMail as MailparserMail } from 'mailparser';
import { withReadableHeaders } from './header-charset';
import { visibleReply } from './reply-text';
import { BlobStore } from '../../../shared/blobs/blob-store';
import { classifyMail, gmailConfirmation } from '../domain/classify';
import type { MailAddress, ParsedMail } from '../domain/inbound-mail.events';
import { boundMailHtml, sanitizeBoundedHtml } from './html-sanitizer';
import { conformingParsedMail } from '../domain/conforming-mail';
import { cutText, MAIL_BOUNDS, type Bounded } from '../domain/mail-bounds';

export interface ParseLimits {
  maxAttachments: number;
  maxAttachmentBytes: number;
}

/** Where the bodies and attachments cut from a mail go: the blob store, or a list to hand to it. */
export interface PartStore {
  put(bytes: Buffer): Promise<unknown>;
}

export interface ParsedAndStoring {
  mail: ParsedMail;
  /** Resolves once the bodies and attachments the mail names are durable. */
  stored: Promise<unknown>;
}

/**
 * Parses raw MIME and classifies the mail; its bodies and attachments are handed to the blob store
 * at once, all in the same commit, and `stored` says when they are durable. Throws when the mail
 * cannot be parsed.
 */
export async function parseMail(raw: Buffer, blobs: PartStore, ownDomain: string, limits: ParseLimits): Promise<ParsedAndStoring> {
  const puts: Array<Promise<unknown>> = [];
  const store = (bytes: Buffer) => {
    puts.push(blobs.put(bytes));
    return BlobStore.nameOf(bytes);
  };
  // mailparser turns an HTML-only body into text itself, in time that grows with the HTML: not past the bound.
  const parsed = await simpleParser(withReadableHeaders(raw), { skipImageLinks: true, skipTextToHtml: true, keepDeliveryStatus: true, maxHtmlLengthToParse: MAIL_BOUNDS.htmlChars });
  const headers = new Map<string, string>();
  for (const [name, value] of parsed.headers) headers.set(name.toLowerCase(), headerText(value));

  const from = firstAddress(parsed.from);
  const subject = (parsed.subject ?? '').replace(/[\r\n]+/g, ' ').trim();
  const messageId = parsed.messageId?.trim() || null;
  const contentType = headers.get('content-type') ?? 'text/plain';
  const kind = classifyMail({ headers, from, subject, contentType, messageId, ownDomain });

  const fromHtml = (parsed.text ?? '').trim() ? null : textOfUnconvertedHtml(parsed);
  const bodyText = cutText(fromHtml?.value ?? (parsed.text ?? '').trim(), MAIL_BOUNDS.textChars);
  const text = bodyText.value;
  const bodyHtml = typeof parsed.html === 'string' && parsed.html.trim() ? sanitizeBoundedHtml(parsed.html) : null;
  const html = bodyHtml?.value ?? null;
  const textCut = bodyText.cut || Boolean(fromHtml?.cut);
  const truncated: ParsedMail['truncated'] = { ...(textCut ? { text: true } : {}), ...(bodyHtml?.cut ? { html: true } : {}) };
  // As mailparser describes them: conformingParsedMail below holds them to our rules, with the rest.
  const attachments: unknown[] = [];
  const omitted: unknown[] = [];
  for (const attachment of parsed.attachments) {
    const reason = omissionReason(attachment, attachments.length, limits);
    if (reason) {
      omitted.push({ filename: attachment.filename, size: attachment.size, reason });
      continue;
    }
    const { contentType, contentId, filename } = attachment;
    attachments.push({ ...store(attachment.content), filename, contentType, contentId, inline: attachment.contentDisposition === 'inline' || Boolean(attachment.related) });
  }

  // The boundary between mailparser and our events. mailparser's types promise more than it keeps (a
  // part with a broken Content-Type comes back with `contentType: false`; names, dates and sizes can
  // be missing or of another type), so nothing it returns reaches an event before passing the rules of
  // mail-fields.ts, which the upcasters of stored events apply too.
  const mail: ParsedMail = conformingParsedMail({
    messageId,
    inReplyTo: messageIds(headers.get('in-reply-to')),
    references: messageIds(headers.get('references')),
    threadIndex: headers.get('thread-index') ?? null,
    from,
    replyTo: addresses(parsed.replyTo),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject,
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    text: text ? store(Buffer.from(text, 'utf8')) : null,
    html: html ? store(Buffer.from(html, 'utf8')) : null,
    replyText: visibleReply(text),
    attachments,
    omitted,
    kind,
    bouncedMessageId: kind === 'bounce' || kind === 'feedback-report' ? bouncedMessageId(parsed.attachments, text) : null,
    providerConfirmation: kind === 'provider-confirmation' ? { provider: 'gmail', ...gmailConfirmation(text) } : null,
    ...(textCut || bodyHtml?.cut ? { truncated } : {}),
  });
  return { mail, stored: Promise.all(puts) };
}

function omissionReason(attachment: Attachment, kept: number, limits: ParseLimits): string | null {
  if (kept >= limits.maxAttachments) return `more than ${limits.maxAttachments} attachments`;
  if (attachment.size > limits.maxAttachmentBytes) return `larger than ${limits.maxAttachmentBytes} bytes`;
  return null;
}

/** Message-IDs in a header, in order, each as <id>. */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const found = value.match(/<[^<>\s]+>/g);
  if (found) return [...new Set(found)];
  return value.split(/\s+/).filter((id) => id.includes('@')).map((id) => `<${id.replace(/^<|>$/g, '')}>`);
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ');
  if (value && typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('value' in value) {
      const params = 'params' in value && value.params ? Object.entries(value.params).map(([k, v]) => `; ${k}=${v}`).join('') : '';
      return `${String(value.value)}${params}`;
    }
  }
  return String(value ?? '');
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const result: MailAddress[] = [];
  const visit = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address && entry.address.includes('@')) result.push({ name: (entry.name ?? '').trim(), address: entry.address.trim().toLowerCase() });
    }
  };
  for (const object of objects) visit(object.value);
  return result;
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): MailAddress | null {
  return addresses(value)[0] ?? null;
}

/**
 * A Message-ID header line of a returned message. The id holds no space (as in messageIds): with
 * `[^>]+` each unclosed `<` ran to the end of the part, and a megabyte of them took 33 s.
 */
const RETURNED_MESSAGE_ID = /^message-id:\s*(<[^<>\s]+>)/im;

/** The Message-ID of the message a report is about (undelivered, or reported as abuse), from the headers it returns. */
function bouncedMessageId(parts: Attachment[], text: string): string | null {
  for (const part of parts) {
    if (/message\/(rfc822|rfc822-headers|global-headers)/i.test(part.contentType) || /text\/rfc822-headers/i.test(part.contentType)) {
      const match = RETURNED_MESSAGE_ID.exec(part.content.toString('utf8'));
      if (match) return match[1];
    }
  }
  return RETURNED_MESSAGE_ID.exec(text)?.[1] ?? null;
}

/**
 * The text of an HTML-only body mailparser left unconverted (longer than MAIL_BOUNDS.htmlChars, or
 * nested too deep): converted the same way from the part within the bounds.
 */
function textOfUnconvertedHtml(parsed: MailparserMail): Bounded | null {
  if (!parsed.textConversionError || typeof parsed.html !== 'string') return null;
  const html = boundMailHtml(parsed.html);
  return { value: htmlToText(html.value, { limits: { maxDepth: MAIL_BOUNDS.htmlDepth } }).trim(), cut: html.cut };
}
