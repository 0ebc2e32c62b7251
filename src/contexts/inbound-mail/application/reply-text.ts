import EmailReplyParser from 'email-reply-parser';
import { reverseEachLineOnce } from './reply-parser-speedup';

reverseEachLineOnce();

/** Enough for any reply a person writes; a pasted log is cut, its whole text stays in the message. */
const REPLY_TEXT_LIMIT = 20_000;

/** A separator line Outlook and others put above the quoted message. */
const SEPARATOR = /^\s*(?:_{5,}|-{5,}|-+\s*Original Message\s*-+)\s*$/i;
/** The first line of Outlook's quoted header block, plain or as Gmail renders it in bold (*From:*). */
const HEADER_FROM = /^\s*\*?From:\*?\s+\S/;
const FORWARD_MARKER = /^\s*-*\s*(?:Forwarded message|Begin forwarded message:?|Weitergeleitete Nachricht|Message transféré)\s*-*\s*$/i;
const HEADER_NEXT = /^\s*\*?(?:Sent|Date|To|Subject):\*?\s/;
/** A mobile client's signature is "Sent from my" and a device: one to three words, as the reply parsers define it. */
const MOBILE_SIGNATURE = /^Sent from my(?:\s+\S+){1,3}\s*$/;

/**
 * The new part of a mail: what the sender wrote above the quoted history and their signature.
 * email-reply-parser finds "On … wrote:" quotes and signatures; Outlook's quoted header block
 * (an optional rule, then From:/Sent:) it misses, so the text is cut there first. A line that only
 * starts like a mobile signature ("Sent from my desk, is …") is the sender's and stays.
 */
export function visibleReply(text: string): string {
  if (!text) return '';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = outlookQuoteStart(lines);
  const own = (cut === -1 ? lines : lines.slice(0, cut)).join('\n');
  let visible: string;
  try {
    visible = new EmailReplyParser().read(own).getVisibleText().trim();
  } catch {
    visible = own.trim();
  }
  const lastLine = own.trim().split('\n').pop()?.trim() ?? '';
  if (/^Sent from my\b/.test(lastLine) && !MOBILE_SIGNATURE.test(lastLine) && !visible.endsWith(lastLine)) {
    visible = `${visible}\n\n${lastLine}`.trim();
  }
  return visible.slice(0, REPLY_TEXT_LIMIT);
}

/** Where Outlook's quoted block begins (its rule, or its From: line), or -1. */
function outlookQuoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!HEADER_FROM.test(lines[i])) continue;
    const following = lines.slice(i + 1, i + 4);
    if (!following.some((line) => HEADER_NEXT.test(line))) continue;
    let start = i;
    // The rule above it (blank lines between allowed) belongs to the quote.
    for (let j = i - 1; j >= 0 && i - j <= 3; j--) {
      if (SEPARATOR.test(lines[j])) {
        start = j;
        break;
      }
      if (lines[j].trim() !== '') break;
    }
    // Nothing of the sender's own above it (a forward, or a bare quote): the quote is the content.
    const ownAbove = lines.slice(0, start).some((line) => line.trim() !== '' && !SEPARATOR.test(line) && !FORWARD_MARKER.test(line));
    return ownAbove ? start : -1;
  }
  return -1;
}
