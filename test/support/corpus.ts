import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { MailAddress, MailKind, ParsedMail } from '../../src/contexts/inbound-mail/domain/inbound-mail.events';

export interface CorpusEntry {
  /** Relative to the corpus directory, e.g. `mikel-mail/basic_email.eml`. */
  path: string;
  /** The first path segment, e.g. `mikel-mail`. */
  source: string;
  category: string;
  note: string;
  /** Relative to the corpus directory. */
  expectedOutputs: string[];
  /** A body without any header (reply-parser suites): it is wrapped in a minimal message before sending. */
  bodyOnly: boolean;
}

/**
 * The real-world email corpus (its README.md and MANIFEST.tsv describe it) at `dir`. Reads
 * MANIFEST.tsv; throws (never skips) when the corpus is not there.
 */
export function loadCorpus(dir: string): CorpusEntry[] {
  const manifest = join(dir, 'MANIFEST.tsv');
  if (!existsSync(manifest)) {
    throw new Error(`The email corpus is missing: ${manifest} does not exist. It is kept in the repository under test/fixtures/corpus.`);
  }
  const [header, ...rows] = readFileSync(manifest, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  const column = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`${manifest} has no ${name} column`);
    return index;
  };
  const [path, category, note, expected] = ['path', 'category', 'note', 'expected_outputs'].map(column);
  return rows.map((row) => {
    const cells = row.split('\t');
    return {
      path: cells[path],
      source: cells[path].split('/')[0],
      category: cells[category],
      note: cells[note] ?? '',
      expectedOutputs: (cells[expected] ?? '').split(';').map((p) => p.trim()).filter(Boolean),
      // The manifest says "body-only (no headers)" or "HTML body fragment only (no headers)" for them.
      bodyOnly: /\(no headers\)/i.test(cells[note] ?? ''),
    };
  });
}

function corpusFile(relative: string, dir: string): Buffer {
  return readFileSync(join(dir, relative));
}

/** A Message-ID unique to one corpus file. */
export function corpusMessageId(entry: CorpusEntry): string {
  return `<corpus.${entry.path.replace(/[^A-Za-z0-9._-]+/g, '.')}@corpus.example>`;
}

/** The Subject a wrapped body-only file is sent with. */
export function wrappedSubject(entry: CorpusEntry): string {
  return `Corpus ${basename(entry.path)}`;
}

/**
 * The bytes to send for each corpus file, in order. Body-only files are wrapped in a minimal message
 * (base64, so their exact bytes, line endings included, reach the parser). A file that reuses a
 * Message-ID an earlier file already used (the corpus has several: the six mnako-letters files are
 * all <Message-Id-1@example.com>) gets a unique one instead, since the app keeps one message per
 * Message-ID and account: otherwise it would be recorded as a duplicate of the earlier file and its
 * own content never parsed. Nothing else in a file is changed.
 */
export function corpusMessages(entries: readonly CorpusEntry[], dir: string): Buffer[] {
  const used = new Set<string>();
  return entries.map((entry) => {
    const bytes = corpusFile(entry.path, dir);
    if (entry.bodyOnly) return wrapBody(entry, bytes);
    // latin1 maps each byte to one code unit and back, so 8-bit bytes survive the round trip.
    const text = bytes.toString('latin1');
    const headerEnd = /\r?\n\r?\n|\r\r/.exec(text)?.index ?? text.length;
    const header = /^message-id[ \t]*:[ \t]*(<[^>\r\n]*>|[^\r\n]*)/im.exec(text.slice(0, headerEnd));
    const id = header?.[1].trim().replace(/^<|>$/g, '').toLowerCase();
    if (!header || !id) return bytes;
    if (!used.has(id)) {
      used.add(id);
      return bytes;
    }
    const start = header.index + header[0].length - header[1].length;
    return Buffer.from(`${text.slice(0, start)}${corpusMessageId(entry)}${text.slice(start + header[1].length)}`, 'latin1');
  });
}

function wrapBody(entry: CorpusEntry, bytes: Buffer): Buffer {
  const html = /\.html?$/i.test(entry.path);
  return Buffer.from(
    [
      'From: Corpus Sender <sender@corpus.example>',
      'To: Support <support@corpus.example>',
      `Subject: ${wrappedSubject(entry)}`,
      `Message-ID: ${corpusMessageId(entry)}`,
      'Date: Tue, 24 Nov 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      `Content-Type: ${html ? 'text/html' : 'text/plain'}; charset=utf-8`,
      'Content-Transfer-Encoding: base64',
      '',
      bytes.toString('base64').replace(/.{1,76}/g, '$&\r\n'),
    ].join('\r\n'),
    'utf8',
  );
}

/** Runs `work` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/**
 * Files of the `bounce` and `autoreply` categories whose kind is not asserted. Either the file is
 * not what the kind means (not a delivery status notification), or the product classifies it
 * differently and that is reported as a product issue instead of being asserted here.
 */
export const KIND_EXCEPTIONS: Record<string, string> = {
  // Only the message/delivery-status part of a DSN, as the whole message: no multipart/report, no From, no Subject.
  'mailgun-flanker/bounce-delayed-broken.eml': 'a bare delivery-status fragment, not a complete DSN',
};

const ARF_REPORTS = new Set([
  'jstedfast-MimeKit/feedback-report.eml',
  'mailgun-flanker/complaint-aol.eml',
  'mailgun-flanker/complaint-yahoo.eml',
  'sisimai-set-of-emails/arf-01.eml',
]);

/** The kind the corpus category implies, where it is clear; null when it is not asserted. */
export function expectedKind(entry: CorpusEntry): MailKind | null {
  if (entry.path in KIND_EXCEPTIONS) return null;
  // ARF (RFC 5965) abuse/feedback-loop reports come filed as bounces but are not DSNs.
  if (ARF_REPORTS.has(entry.path)) return 'feedback-report';
  if (entry.category === 'bounce') return 'bounce';
  if (entry.category === 'autoreply') return 'auto-reply';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Comparison with the expected outputs the corpus ships
// ---------------------------------------------------------------------------------------------

/** What the app recorded for one message, with the text and HTML bodies read from the blob store. */
export interface ParsedView {
  mail: ParsedMail;
  text: string;
  html: string;
}

export interface Check {
  /** Stable within a file, e.g. `subject`, `text`, `parse_reply`. */
  name: string;
  ok: boolean;
  /** What was expected and what was found, for the failure message. */
  detail: string;
}

/**
 * Comparisons where our parser differs from the corpus's expected output because of a product
 * issue: kept out of the assertions and reported instead. Keyed `<path> <check name>`.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'apache-james-mime4j/weird-boundary.eml text':
    'boundary parameter ends in spaces (RFC 2046 forbids it): the lines after the near-boundary line are lost and the closing delimiter and epilogue show as body text',
  'apache-james-mime4j/very-very-long-boundary.eml text': 'same as weird-boundary with a 28 KB boundary: body lines lost, delimiter shown as text',
  'apache-james-mime4j/malformedHeaderStartsBody-noheader.eml text': 'a message without any header: its text is taken for header lines and the mail is stored with no body at all',
};

/** Every comparison for one corpus file against its expected outputs; [] when it ships none. */
export function expectedChecks(entry: CorpusEntry, view: ParsedView, dir: string): Check[] {
  const checks = entry.bodyOnly ? wrappedBodyChecks(entry, view, dir) : [];
  if (entry.expectedOutputs.length === 0) return checks;
  switch (entry.source) {
    case 'apache-james-mime4j':
      return [...checks, ...mime4jChecks(entry, view, dir)];
    case 'discourse-email_reply_trimmer':
      return [...checks, ...discourseChecks(entry, view, dir)];
    case 'github-email_reply_parser':
      return [...checks, ...githubChecks(entry, view, dir)];
    case 'mailgun-talon':
      return [...checks, ...talonChecks(entry, view, dir)];
    case 'mnako-letters':
      return [...checks, ...mnakoChecks(entry, view, dir)];
    case 'jstedfast-MimeKit':
      // gmail.pub is the DKIM public key for gmail.eml, not an expected parse result (MANIFEST note).
      if (entry.expectedOutputs.every((file) => file.endsWith('.pub'))) return checks;
      break;
  }
  throw new Error(`No comparison for the expected outputs of ${entry.path} (${entry.expectedOutputs.join(', ')}): add one to test/support/corpus.ts`);
}

/** Whitespace runs collapsed, ends trimmed: line wrapping and CRLF/LF are not what these checks are about. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function check(name: string, ok: boolean, expected: unknown, actual: unknown): Check {
  return { name, ok, detail: ok ? '' : `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` };
}

function contains(name: string, haystack: string, needle: string): Check {
  const ok = normalize(haystack).includes(normalize(needle));
  return { name, ok, detail: ok ? '' : `expected ${JSON.stringify(short(haystack))} to contain ${JSON.stringify(short(needle))}` };
}

function short(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A wrapped body arrives whole: subject as wrapped, and the text (or HTML) body is the file's content. */
function wrappedBodyChecks(entry: CorpusEntry, view: ParsedView, dir: string): Check[] {
  const body = corpusFile(entry.path, dir).toString('utf8');
  const checks = [check('subject', view.mail.subject === wrappedSubject(entry), wrappedSubject(entry), view.mail.subject)];
  if (/\.html?$/i.test(entry.path)) checks.push(check('html', view.html.trim() !== '', 'a non-empty HTML body', view.html));
  else checks.push(check('text', normalize(view.text) === normalize(body), short(body), short(view.text)));
  return checks;
}

// --- apache/james-mime4j: XML dumps of the parsed structure --------------------------------------

interface XmlNode {
  name: string;
  text: string;
  children: XmlNode[];
}

/** Enough of XML for mime4j's test dumps: elements, text, the five entities. */
function parseXml(source: string): XmlNode {
  const root: XmlNode = { name: '#root', text: '', children: [] };
  const stack = [root];
  const unescape = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string);
  for (const match of source.matchAll(/<(\/)?([A-Za-z][\w-]*)[^>]*?(\/)?>|([^<]+)/g)) {
    const [, closing, name, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.text += unescape(text);
    } else if (closing) {
      stack.pop();
    } else {
      const node: XmlNode = { name, text: '', children: [] };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  return root;
}

interface Mime4jEntity {
  headers: Array<{ name: string; value: string }>;
  header(name: string): string | null;
  /** Raw body of a leaf. */
  body: string | null;
  parts: Mime4jEntity[];
  /** A nested message (message/rfc822 body). */
  message: Mime4jEntity | null;
}

function mime4jEntity(node: XmlNode): Mime4jEntity {
  const headerNode = node.children.find((c) => c.name === 'header');
  const headers = (headerNode?.children ?? [])
    .filter((c) => c.name === 'field')
    .map((field) => {
      const raw = field.text.replace(/^\r?\n/, '');
      const colon = raw.indexOf(':');
      // Unfolding: a line break followed by white space is not part of the value.
      return { name: raw.slice(0, colon).trim().toLowerCase(), value: raw.slice(colon + 1).replace(/\r?\n(?=[ \t])/g, '').trim() };
    });
  const multipart = node.children.find((c) => c.name === 'multipart');
  const nested = node.children.find((c) => c.name === 'message');
  const body = node.children.find((c) => c.name === 'body');
  return {
    headers,
    header: (name) => headers.find((h) => h.name === name)?.value ?? null,
    body: body ? body.text.replace(/^\r?\n/, '') : null,
    parts: multipart ? multipart.children.filter((c) => c.name === 'body-part').map(mime4jEntity) : [],
    message: nested ? mime4jEntity(nested) : null,
  };
}

/** Leaves of the top-level message, not descending into nested messages (those are attachments to us). */
function leaves(entity: Mime4jEntity): Mime4jEntity[] {
  if (entity.parts.length > 0) return entity.parts.flatMap(leaves);
  return entity.message ? [] : [entity];
}

function headerParams(value: string | null): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name, raw] of (value ?? '').matchAll(/;\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    params[name.toLowerCase()] = raw.trim().replace(/^"(.*)"$/s, '$1');
  }
  return params;
}

/** RFC 2047 encoded words decoded (B and Q), white space between adjacent words dropped. */
export function decodeEncodedWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
    const bytes =
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    try {
      return new TextDecoder(charset.split('*')[0]).decode(bytes);
    } catch {
      return bytes.toString('latin1');
    }
  });
}

/**
 * Against mime4j's XML dump of the parsed structure: the subject, the attachments' file names, and
 * every line of the plain-text (7bit/8bit) body parts found in our text. Not compared: nested
 * message/rfc822 content (we keep a nested message as an attachment, mime4j expands it), preambles
 * and epilogues (not body text), raw header order and folding.
 */
function mime4jChecks(entry: CorpusEntry, view: ParsedView, dir: string): Check[] {
  const xml = entry.expectedOutputs.find((file) => file.endsWith('.xml') && !file.endsWith('_decoded.xml'));
  if (!xml) throw new Error(`${entry.path}: no mime4j XML among ${entry.expectedOutputs.join(', ')}`);
  const message = parseXml(corpusFile(xml, dir).toString('utf8')).children.find((c) => c.name === 'message');
  if (!message) throw new Error(`${xml}: no <message> element`);
  const root = mime4jEntity(message);
  const checks: Check[] = [];

  const subject = normalize(decodeEncodedWords(root.header('subject') ?? ''));
  checks.push(check('subject', normalize(view.mail.subject) === subject, subject, view.mail.subject));

  const parts = leaves(root);
  const isAttachment = (part: Mime4jEntity) => /^\s*attachment\b/i.test(part.header('content-disposition') ?? '');
  const expectedFiles = parts.filter(isAttachment).map((part) => {
    const disposition = headerParams(part.header('content-disposition'));
    const type = headerParams(part.header('content-type'));
    return decodeEncodedWords(disposition.filename ?? type.name ?? '');
  });
  const ourFiles = view.mail.attachments.map((a) => a.filename ?? '');
  checks.push(check('attachments', expectedFiles.every((name) => ourFiles.includes(name)), expectedFiles, ourFiles));

  const lines = parts
    .filter((part) => !isAttachment(part) && part.body !== null)
    .filter((part) => /^text\/plain\b/i.test(part.header('content-type') ?? 'text/plain'))
    .filter((part) => /^(7bit|8bit|binary)?$/i.test((part.header('content-transfer-encoding') ?? '').trim()))
    .flatMap((part) => (part.body as string).split(/\r?\n/))
    .map(normalize)
    .filter(Boolean);
  const missing = lines.filter((line) => !normalize(view.text).includes(line));
  checks.push({ name: 'text', ok: missing.length === 0, detail: missing.length ? `text ${JSON.stringify(short(view.text))} lacks ${JSON.stringify(missing)}` : '' });
  return checks;
}

// --- discourse/email_reply_trimmer: <name>.trimmed.txt is the reply without quotes/embedded mail ----

/**
 * The trimmed reply's first line of own text (not a `>` quote: we fold quotes away) starts our reply
 * preview, which itself comes from the text. Not compared: the rest of the trimmed/elided split; our
 * reply parser (email-reply-parser) folds signatures away and does not know every client's embedded
 * header block, so its split legitimately differs from Discourse's.
 */
function discourseChecks(entry: CorpusEntry, view: ParsedView, dir: string): Check[] {
  const trimmedFile = entry.expectedOutputs.find((file) => file.endsWith('.trimmed.txt'));
  if (!trimmedFile) throw new Error(`${entry.path}: no .trimmed.txt among ${entry.expectedOutputs.join(', ')}`);
  const trimmed = corpusFile(trimmedFile, dir).toString('utf8');
  const firstLine = trimmed.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trimStart().startsWith('>')) ?? '';
  return [
    contains('replyText', view.mail.replyText, firstLine),
    check('replyText within text', normalize(view.text).includes(normalize(view.mail.replyText)), 'reply preview taken from the text', view.mail.replyText),
  ];
}

// --- github/email_reply_parser: the Ruby test suite; our reply preview uses its JavaScript port ----

interface GithubExpectation {
  /** `EmailReplyParser.parse_reply(body)`: the visible reply, exactly. */
  parseReply?: string;
  /** `reply.fragments[0]`: the first fragment, which opens the visible reply unless it is a quote. */
  firstFragment?: { equals?: string; matches?: RegExp };
  /** `assert_equal 1, reply.fragments.size`: one fragment, so the whole body is the reply. */
  single?: boolean;
}

function rubyString(literal: string): string {
  return JSON.parse(literal.replace(/\r?\n/g, '\\n')) as string;
}

function githubExpectations(testFile: string): Map<string, GithubExpectation> {
  const byFile = new Map<string, GithubExpectation>();
  const expectation = (file: string) => byFile.get(file) ?? byFile.set(file, {}).get(file) as GithubExpectation;
  for (const method of testFile.split(/\n\s*def /).slice(1)) {
    const read = /File\.read EMAIL_FIXTURE_PATH\.join\("([\w.]+)"\)/.exec(method);
    const parsed = /assert_equal\s+("(?:[^"\\]|\\.)*"),\s*EmailReplyParser\.parse_reply\(body\)/.exec(method);
    if (read && parsed) expectation(read[1]).parseReply = rubyString(parsed[1]);

    const email = /\bemail[\s(]*[:"](\w+)/.exec(method);
    if (!email) continue;
    const file = `${email[1]}.txt`;
    if (/assert_equal\s+1,\s*reply\.fragments\.size/.test(method)) expectation(file).single = true;
    // A quoted first fragment ("On … wrote:") is folded away by us: nothing to compare it with.
    if (/assert_equal\s+\[true\b[^\]]*\],\s*reply\.fragments\.map \{ \|f\| f\.quoted\? \}/.test(method)) continue;
    const equals = /assert_equal\s+("(?:[^"\\]|\\.)*"),\s*reply\.fragments\[0\]\.to_s/.exec(method);
    const matches = /assert_match\(?\s*\/((?:[^/\\\n]|\\.)+)\/,\s*reply\.fragments\[0\]\.to_s/.exec(method);
    if (equals) expectation(file).firstFragment = { equals: rubyString(equals[1]) };
    else if (matches) expectation(file).firstFragment = { matches: new RegExp(matches[1], 'm') };
  }
  return byFile;
}

/**
 * Our reply preview against the upstream suite's `parse_reply` results and first fragments. Not
 * compared: fragment counts and hidden/quoted flags beyond that (our preview is one string), and
 * the hiding of "-Name" signatures and list footers, which the port does not do (see the report).
 */
function githubChecks(entry: CorpusEntry, view: ParsedView, dir: string): Check[] {
  const testFile = entry.expectedOutputs.find((file) => file.endsWith('.rb'));
  if (!testFile) throw new Error(`${entry.path}: no .rb test among ${entry.expectedOutputs.join(', ')}`);
  const expected = githubExpectations(corpusFile(testFile, dir).toString('utf8')).get(basename(entry.path)) ?? {};
  const reply = view.mail.replyText.replace(/\r\n/g, '\n');
  const checks: Check[] = [];
  if (expected.parseReply !== undefined) checks.push(check('parse_reply', reply === expected.parseReply.trim(), expected.parseReply, reply));
  if (expected.firstFragment?.equals !== undefined) {
    const first = normalize(expected.firstFragment.equals);
    checks.push(check('first fragment', normalize(reply).startsWith(first), `${first}…`, reply));
  }
  if (expected.firstFragment?.matches) checks.push(check('first fragment', expected.firstFragment.matches.test(reply), String(expected.firstFragment.matches), reply));
  if (expected.single) checks.push(check('single fragment', normalize(reply) === normalize(view.text), short(view.text), short(reply)));
  return checks;
}

// --- mailgun/talon: <name>_reply_text is the reply talon extracts -----------------------------------

/**
 * The text holds talon's reply, and our preview opens with its first line. Not compared: talon keeps
 * "Sent from my iPhone"-style signatures in the reply, our preview folds them away.
 */
function talonChecks(entry: CorpusEntry, view: ParsedView, dir: string): Check[] {
  return entry.expectedOutputs.flatMap((file) => {
    const reply = corpusFile(file, dir).toString('utf8');
    const firstLine = reply.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
    return [contains('text', view.text, reply), check('replyText', normalize(view.mail.replyText).startsWith(normalize(firstLine)), `${firstLine}…`, view.mail.replyText)];
  });
}

// --- mnako/letters: Go test cases with the expected letters.Email ---------------------------------

interface LettersExpectation {
  subject: string;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  text: string;
  /** File names of InlineFiles and AttachedFiles (Content-Disposition filename, else Content-Type name). */
  files: string[];
}

/** The text between the `{` at `open` and its matching `}`, skipping Go string literals. */
function braced(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    const c = source[i];
    if (c === '`') {
      i = source.indexOf('`', i + 1);
      if (i < 0) break;
    } else if (c === '"') {
      const literal = /"(?:[^"\\]|\\.)*"/y;
      literal.lastIndex = i;
      i += (literal.exec(source)?.[0].length ?? 1) - 1;
    } else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return source.slice(open + 1, i);
  }
  throw new Error('unbalanced braces in the Go excerpt');
}

function goField(block: string, field: string): string | null {
  const at = new RegExp(`\\b${field}:\\s*[^{,\\n]*\\{`).exec(block);
  return at ? braced(block, at.index + at[0].length - 1) : null;
}

function goAddresses(block: string, field: string): MailAddress[] {
  const list = goField(block, field) ?? '';
  return [...list.matchAll(/Name:\s*("(?:[^"\\]|\\.)*"),\s*Address:\s*("(?:[^"\\]|\\.)*")/g)].map(([, name, address]) => ({
    name: JSON.parse(name) as string,
    address: (JSON.parse(address) as string).toLowerCase(),
  }));
}

/** Top-level `{…}` entries of a Go slice literal's body. */
function goEntries(list: string): string[] {
  const entries: string[] = [];
  for (let i = list.indexOf('{'); i >= 0; i = list.indexOf('{', i)) {
    const entry = braced(list, i);
    entries.push(entry);
    i += entry.length + 2;
  }
  return entries;
}

function lettersExpectations(source: string): Map<string, LettersExpectation> {
  const byFile = new Map<string, LettersExpectation>();
  for (const test of source.split(/\nfunc /).slice(1)) {
    // The first case of each test is the default parser's.
    const file = /filepath:\s*"tests\/([^"]+)\.txt"/.exec(test);
    const start = test.indexOf('expectedEmail:');
    if (!file || start < 0) continue;
    const email = braced(test, test.indexOf('{', start));
    const headers = goField(email, 'Headers') ?? '';
    const files = ['InlineFiles', 'AttachedFiles'].flatMap((field) =>
      goEntries(goField(email, field) ?? '').map((entry) => {
        const name = /"filename":\s*("(?:[^"\\]|\\.)*")/.exec(entry) ?? /"name":\s*("(?:[^"\\]|\\.)*")/.exec(entry);
        return name ? (JSON.parse(name[1]) as string) : '';
      }),
    );
    byFile.set(`${file[1]}.eml`, {
      subject: JSON.parse(/\bSubject:\s*("(?:[^"\\]|\\.)*")/.exec(headers)?.[1] ?? '""') as string,
      from: goAddresses(headers, 'From'),
      to: goAddresses(headers, 'To'),
      cc: goAddresses(headers, 'Cc'),
      replyTo: goAddresses(headers, 'ReplyTo'),
      text: /\bText:\s*`([^`]*)`/.exec(email)?.[1] ?? '',
      files,
    });
  }
  return byFile;
}

/**
 * Subject, addresses, text and attachment names against letters' expected Email. Not compared:
 * text/enriched (letters has a field for it, we keep it as an unnamed attachment), Sender/Bcc/Resent-*
 * and extra headers (not in our parsed mail), the HTML (we sanitize it).
 */
function mnakoChecks(entry: CorpusEntry, view: ParsedView, dir: string): Check[] {
  const goFile = entry.expectedOutputs.find((file) => file.endsWith('.go'));
  if (!goFile) throw new Error(`${entry.path}: no Go test among ${entry.expectedOutputs.join(', ')}`);
  const expected = lettersExpectations(corpusFile(goFile, dir).toString('utf8')).get(basename(entry.path));
  if (!expected) throw new Error(`${goFile} has no test case for ${basename(entry.path)}`);
  const { mail } = view;
  const named = mail.attachments.map((a) => a.filename).filter((name): name is string => Boolean(name));
  return [
    check('subject', mail.subject === expected.subject, expected.subject, mail.subject),
    check('from', JSON.stringify(mail.from) === JSON.stringify(expected.from[0] ?? null), expected.from[0], mail.from),
    check('to', JSON.stringify(mail.to) === JSON.stringify(expected.to), expected.to, mail.to),
    check('cc', JSON.stringify(mail.cc) === JSON.stringify(expected.cc), expected.cc, mail.cc),
    check('replyTo', JSON.stringify(mail.replyTo) === JSON.stringify(expected.replyTo), expected.replyTo, mail.replyTo),
    check('text', normalize(view.text) === normalize(expected.text), short(expected.text), short(view.text)),
    check('attachments', named.length === expected.files.length && expected.files.every((name) => named.includes(name)), expected.files, named),
  ];
}
