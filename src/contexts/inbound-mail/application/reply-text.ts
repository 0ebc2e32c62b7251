import EmailReplyParser from 'email-reply-parser';
import { reverseEachLineOnce } from './reply-parser-speedup';
import { cutText, MAIL_BOUNDS } from '../domain/mail-bounds';

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
/** Stands in for a long line while the reply parser reads the text (private-use characters, taken out of the text first). */
const SHELF_MARK = /\uE000(\d+)\uE001/g;

/** Quote headers, rules and signatures are short: a longer line is the sender's text, and no pattern is tried on it. */
const mayBeMarker = (line: string) => line.length <= MAIL_BOUNDS.quoteLineChars;

/**
 * The new part of a mail: what the sender wrote above the quoted history and their signature.
 * email-reply-parser finds "On … wrote:" quotes and signatures; Outlook's quoted header block
 * (an optional rule, then From:/Sent:) it misses, so the text is cut there first. A line that only
 * starts like a mobile signature ("Sent from my desk, is …") is the sender's and stays.
 * Its time grows with the length of the text, never faster: the text is cut to
 * `MAIL_BOUNDS.textChars`, and lines longer than `MAIL_BOUNDS.quoteLineChars` meet no pattern.
 */
export function visibleReply(text: string): string {
  if (!text) return '';
  const lines = cutText(text, MAIL_BOUNDS.textChars).value.replace(/\r\n?/g, '\n').split('\n');
  const cut = outlookQuoteStart(lines);
  const own = (cut === -1 ? lines : lines.slice(0, cut)).join('\n');
  let visible: string;
  try {
    visible = parsedVisibleText(own);
  } catch {
    visible = own.trim();
  }
  const lastLine = own.trim().split('\n').pop()?.trim() ?? '';
  if (mayBeMarker(lastLine) && /^Sent from my\b/.test(lastLine) && !MOBILE_SIGNATURE.test(lastLine) && !visible.endsWith(lastLine)) {
    visible = `${visible}\n\n${lastLine}`.trim();
  }
  return visible.slice(0, REPLY_TEXT_LIMIT);
}

/**
 * email-reply-parser's visible text, each line longer than `MAIL_BOUNDS.quoteLineChars` replaced by
 * a short stand-in while it reads (its patterns backtrack over a long line for seconds) and put back
 * in its answer. A stand-in keeps a leading `>`, so a long quoted line still counts as quoted.
 */
function parsedVisibleText(own: string): string {
  const shelved: string[] = [];
  const shortLines = own
    .replace(/[\uE000\uE001]/g, '')
    .split('\n')
    .map((line) => {
      if (mayBeMarker(line)) return line;
      const quote = line.startsWith('>') ? '>' : '';
      shelved.push(line.slice(quote.length).trimEnd());
      return `${quote}\uE000${shelved.length - 1}\uE001`;
    });
  const visible = new EmailReplyParser().read(shortLines.join('\n')).getVisibleText().trim();
  return shelved.length === 0 ? visible : visible.replace(SHELF_MARK, (_, index: string) => shelved[Number(index)]);
}

/** Where Outlook's quoted block begins (its rule, or its From: line), or -1. */
function outlookQuoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!mayBeMarker(lines[i]) || !HEADER_FROM.test(lines[i])) continue;
    const following = lines.slice(i + 1, i + 4);
    if (!following.some((line) => mayBeMarker(line) && HEADER_NEXT.test(line))) continue;
    let start = i;
    // The rule above it (blank lines between allowed) belongs to the quote.
    for (let j = i - 1; j >= 0 && i - j <= 3; j--) {
      if (mayBeMarker(lines[j]) && SEPARATOR.test(lines[j])) {
        start = j;
        break;
      }
      if (lines[j].trim() !== '') break;
    }
    // Nothing of the sender's own above it (a forward, or a bare quote): the quote is the content.
    const ownAbove = lines
      .slice(0, start)
      .some((line) => line.trim() !== '' && (!mayBeMarker(line) || (!SEPARATOR.test(line) && !FORWARD_MARKER.test(line))));
    return ownAbove ? start : -1;
  }
  return -1;
}
