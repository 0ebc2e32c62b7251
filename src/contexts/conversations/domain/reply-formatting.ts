import { escapeHtml } from '../../../shared/domain/escape-html';

/**
 * The small markup an agent formats a reply with, typed in the composer's text box:
 *
 * - `**bold**`, `*italic*` or `_italic_` (an underscore inside a word, as in snake_case, is text);
 * - `[label](https://…)` links: http, https and mailto only; any other link stays as typed text;
 * - lines starting `- ` or `* ` make a bulleted list, `1. ` (or `1) `) a numbered one;
 * - lines starting `> ` make a quote (its lines can hold lists and paragraphs, and `> > ` quotes again);
 * - an empty line starts a paragraph, a single newline is a line break.
 *
 * Everything else is text: HTML the agent types is escaped, never markup. One pass over the input
 * (no backtracking), so hostile input costs time in proportion to its length.
 */
export interface FormattedReply {
  /** HTML blocks (paragraphs, lists, quotes) for the mail's frame. */
  html: string;
  /** The text alternative: marks removed, links as `label <url>`, lists and quotes as plain lines. */
  text: string;
}

const PARAGRAPH = 'margin:0 0 16px';
const LIST = 'margin:0 0 16px;padding-left:24px';
const QUOTE = 'margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #cbd5e1;color:#475569';
/** Quotes inside quotes deeper than this are text. */
const MAX_QUOTE_DEPTH = 5;
const MAX_LABEL = 1_000;
const MAX_URL = 2_048;
/** One address per scheme, each part a single character class: no way to match it twice, so no backtracking. */
const SAFE_URL = /^(?:https?:\/\/[^\s<>"'`]+|mailto:[^\s<>"'`/@]+@[^\s<>"'`@]+)$/i;

const BULLET = /^[-*] +(?=\S)/;
const NUMBERED = /^(\d{1,9})[.)] +(?=\S)/;
const QUOTED = /^> ?/;

export function formatReply(markup: string): FormattedReply {
  const lines = markup.replace(/\r\n?/g, '\n').split('\n');
  const blocks = blocksOf(lines, 0);
  return {
    html: blocks.map((block) => block.html).join(''),
    text: blocks.map((block, index) => (index === 0 ? '' : '\n'.repeat(block.blankLinesBefore + 1)) + block.text).join(''),
  };
}

/** Whether a link to `url` is kept as a link (http, https and mailto only), as the composer checks before it inserts one. */
export function isLinkableUrl(url: string): boolean {
  return url.length <= MAX_URL && SAFE_URL.test(url.trim());
}

interface Block {
  html: string;
  text: string;
  blankLinesBefore: number;
}

type LineKind = 'blank' | 'bullet' | 'numbered' | 'quote' | 'text';

function kindOf(line: string, depth: number): LineKind {
  if (line === '') return 'blank';
  if (BULLET.test(line)) return 'bullet';
  if (NUMBERED.test(line)) return 'numbered';
  if (depth < MAX_QUOTE_DEPTH && line.startsWith('>')) return 'quote';
  return 'text';
}

function blocksOf(lines: readonly string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let blankLinesBefore = 0;
  let at = 0;
  while (at < lines.length) {
    const kind = kindOf(lines[at], depth);
    if (kind === 'blank') {
      if (blocks.length > 0) blankLinesBefore++;
      at++;
      continue;
    }
    // A run of lines of one kind (text lines run until a blank line or a list or quote line).
    let end = at + 1;
    while (end < lines.length && kindOf(lines[end], depth) === kind) end++;
    const run = lines.slice(at, end);
    blocks.push({ ...blockOf(kind, run, depth), blankLinesBefore });
    blankLinesBefore = 0;
    at = end;
  }
  return blocks;
}

function blockOf(kind: Exclude<LineKind, 'blank'>, run: readonly string[], depth: number): Omit<Block, 'blankLinesBefore'> {
  switch (kind) {
    case 'bullet': {
      const items = run.map((line) => inline(line.replace(BULLET, '')));
      return {
        html: `<ul style="${LIST}">${items.map((item) => `<li>${item.html}</li>`).join('')}</ul>`,
        text: items.map((item) => `- ${item.text}`).join('\n'),
      };
    }
    case 'numbered': {
      const items = run.map((line) => ({ number: NUMBERED.exec(line)?.[1] ?? '1', ...inline(line.replace(NUMBERED, '')) }));
      const start = Number(items[0].number);
      return {
        html: `<ol style="${LIST}"${start === 1 ? '' : ` start="${start}"`}>${items.map((item) => `<li>${item.html}</li>`).join('')}</ol>`,
        text: items.map((item) => `${item.number}. ${item.text}`).join('\n'),
      };
    }
    case 'quote': {
      const inner = blocksOf(
        run.map((line) => line.replace(QUOTED, '')),
        depth + 1,
      );
      const text = inner.map((block, index) => (index === 0 ? '' : '\n'.repeat(block.blankLinesBefore + 1)) + block.text).join('');
      return {
        html: `<blockquote style="${QUOTE}">${inner.map((block) => block.html).join('')}</blockquote>`,
        text: text
          .split('\n')
          .map((line) => (line === '' ? '>' : `> ${line}`))
          .join('\n'),
      };
    }
    case 'text': {
      const paragraph = inline(run.join('\n'));
      return { html: `<p style="${PARAGRAPH}">${paragraph.html}</p>`, text: paragraph.text };
    }
  }
}

type Mark = '**' | '*' | '_';
type Token =
  | { kind: 'text'; value: string }
  | { kind: 'mark'; mark: Mark; canOpen: boolean; canClose: boolean; pair: 'open' | 'close' | null }
  | { kind: 'link'; label: FormattedReply; href: string };

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Bold, italic and links within a block's text, in one pass and one matching of marks over a stack. */
function inline(source: string): FormattedReply {
  const tokens = tokenize(source);
  pairMarks(tokens);
  let html = '';
  let text = '';
  for (const token of tokens) {
    if (token.kind === 'text') {
      html += escapeHtml(token.value).replace(/\n/g, '<br>');
      text += token.value;
    } else if (token.kind === 'link') {
      html += `<a href="${escapeHtml(token.href)}">${token.label.html}</a>`;
      const shown = token.href.replace(/^mailto:/i, '');
      text += token.label.text === shown || token.label.text === token.href ? token.href : `${token.label.text} <${shown}>`;
    } else if (token.pair === null) {
      html += escapeHtml(token.mark);
      text += token.mark;
    } else {
      const tag = token.mark === '**' ? 'strong' : 'em';
      html += token.pair === 'open' ? `<${tag}>` : `</${tag}>`;
    }
  }
  return { html, text };
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let plain = '';
  const flush = () => {
    if (plain) tokens.push({ kind: 'text', value: plain });
    plain = '';
  };
  // Where the next `]` and `[` are, found once and reused, so scanning for links stays linear.
  let nextClose = -1;
  let nextOpen = -1;
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (char === '[') {
      if (nextClose <= at) nextClose = source.indexOf(']', at + 1);
      if (nextOpen <= at) nextOpen = source.indexOf('[', at + 1);
      const link = nextClose > at && (nextOpen === -1 || nextOpen > nextClose) ? linkAt(source, at, nextClose) : null;
      if (link) {
        flush();
        tokens.push({ kind: 'link', label: inline(source.slice(at + 1, nextClose)), href: link.href });
        at = link.end;
        continue;
      }
    } else if (char === '*' || char === '_') {
      let end = at + 1;
      while (end < source.length && source[end] === char) end++;
      const length = end - at;
      const before = source[at - 1];
      const after = source[end];
      const mark: Mark | null = char === '_' ? (length === 1 ? '_' : null) : length === 1 ? '*' : length === 2 ? '**' : null;
      if (mark) {
        let canOpen = !isSpace(after);
        let canClose = !isSpace(before);
        // snake_case and the like: an underscore inside a word is text.
        if (mark === '_') {
          canOpen = canOpen && !isWordChar(before);
          canClose = canClose && !isWordChar(after);
        }
        if (canOpen || canClose) {
          flush();
          tokens.push({ kind: 'mark', mark, canOpen, canClose, pair: null });
          at = end;
          continue;
        }
      }
      // A longer run of marks (or one that can neither open nor close) is text.
      plain += source.slice(at, end);
      at = end;
      continue;
    }
    plain += char;
    at++;
  }
  flush();
  return tokens;
}

/** `[label](url)` with `[` at `open` and `]` at `close`: the link, or null when it is not one (or not an allowed URL). */
function linkAt(source: string, open: number, close: number): { href: string; end: number } | null {
  if (close - open - 1 < 1 || close - open - 1 > MAX_LABEL || source[close + 1] !== '(') return null;
  const urlStart = close + 2;
  const urlEnd = source.indexOf(')', urlStart);
  if (urlEnd === -1 || urlEnd - urlStart > MAX_URL) return null;
  const href = source.slice(urlStart, urlEnd).trim();
  return SAFE_URL.test(href) ? { href, end: urlEnd + 1 } : null;
}

/**
 * Pairs marks: a closing mark takes the nearest open one of its kind, and the open marks between them
 * stay text. Every mark goes on the stack at most once and leaves it at most once.
 */
function pairMarks(tokens: Token[]): void {
  const stack: number[] = [];
  const openCount: Record<Mark, number> = { '**': 0, '*': 0, _: 0 };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== 'mark') continue;
    if (token.canClose && openCount[token.mark] > 0) {
      while (stack.length > 0) {
        const opener = tokens[stack.pop() as number] as Extract<Token, { kind: 'mark' }>;
        openCount[opener.mark]--;
        if (opener.mark === token.mark) {
          opener.pair = 'open';
          token.pair = 'close';
          break;
        }
      }
      continue;
    }
    if (token.canOpen) {
      stack.push(index);
      openCount[token.mark]++;
    }
  }
}
