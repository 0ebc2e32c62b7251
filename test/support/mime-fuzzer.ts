/**
 * A seeded generator of hostile MIME: mutations of real corpus messages and hand-made monsters.
 * Case `n` of seed `s` is always the same bytes (each case has a generator of its own, seeded from
 * both), so one failing case can be replayed alone.
 */

import { markerFor } from '../../src/shared/domain/reply-address';

/** mulberry32: small, fast, and the same numbers on every platform. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random seed that fits the generator (and an environment variable). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Sizes spread over orders of magnitude: small ones often, big ones sometimes. */
  size(max: number): number {
    return Math.floor(Math.exp(this.next() * Math.log(max + 1)));
  }
}

export interface FuzzCase {
  /** 0-based number within its seed. */
  index: number;
  /** What was done, e.g. `mutate(mikel-mail/basic_email.eml: truncate, flip-bytes)` or `monster(deep-nesting 800)`. */
  name: string;
  bytes: Buffer;
  /** Sent to `username+<plus>@…` instead of the bare forwarding address (reply and contact tokens, garbage). */
  plus?: string;
}

export interface CorpusMessage {
  path: string;
  bytes: Buffer;
}

/** Case `index` of `seed`: about half mutate a corpus message, the rest are monsters. */
export function fuzzCase(seed: number, index: number, corpus: readonly CorpusMessage[]): FuzzCase {
  const dice = new Dice(prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)));
  if (corpus.length > 0 && dice.chance(0.5)) {
    const base = dice.pick(corpus);
    let text = base.bytes.toString('latin1');
    const applied: string[] = [];
    for (let n = dice.int(1, 3); n > 0; n -= 1) {
      const [name, mutate] = dice.pick(MUTATORS);
      text = mutate(text, dice, corpus);
      applied.push(name);
    }
    return { index, name: `mutate(${base.path}: ${applied.join(', ')})`, bytes: Buffer.from(text, 'latin1') };
  }
  const [name, build] = dice.pick(MONSTERS);
  const monster = build(dice);
  return { index, name: `monster(${name}${monster.detail ? ` ${monster.detail}` : ''})`, bytes: Buffer.from(monster.text, 'latin1'), ...(monster.plus ? { plus: monster.plus } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Mutations of real messages (latin1 strings: one code unit per byte)
// ---------------------------------------------------------------------------------------------

type Mutator = (text: string, dice: Dice, corpus: readonly CorpusMessage[]) => string;

const headerEnd = (text: string) => /\r?\n\r?\n/.exec(text)?.index ?? text.length;
const lines = (text: string) => text.split(/(?<=\n)/);

const MUTATORS: Array<[string, Mutator]> = [
  ['truncate', (text, dice) => text.slice(0, dice.int(0, text.length))],
  [
    'flip-bytes',
    (text, dice) => {
      const chars = text.split('');
      for (let n = dice.int(1, 20); n > 0 && chars.length > 0; n -= 1) {
        const at = dice.int(0, chars.length - 1);
        chars[at] = String.fromCharCode(chars[at].charCodeAt(0) ^ dice.int(1, 255));
      }
      return chars.join('');
    },
  ],
  [
    'drop-lines',
    (text, dice) => {
      const all = lines(text);
      const rate = dice.pick([0.01, 0.05, 0.2]);
      return all.filter(() => !dice.chance(rate)).join('');
    },
  ],
  [
    'double-lines',
    (text, dice) => {
      const rate = dice.pick([0.01, 0.05, 0.2]);
      return lines(text)
        .map((line) => (dice.chance(rate) ? line + line : line))
        .join('');
    },
  ],
  [
    'damage-headers',
    (text, dice) => {
      const end = headerEnd(text);
      const damaged = lines(text.slice(0, end)).map((line) => {
        if (!dice.chance(0.3)) return line;
        switch (dice.int(0, 5)) {
          case 0:
            return line.replace(':', ''); // no colon: not a header any more
          case 1:
            return line.replace(':', ' :');
          case 2:
            return ` ${line}`; // a continuation of the previous header
          case 3:
            return line.replace(/(=\?[^?]*\?[bBqQ]\?)[^?]*\?=/, '$1'); // an encoded word cut short
          case 4:
            return `${line}${line}`;
          default:
            return line.replace(/;.*/, ';;;=;"');
        }
      });
      return damaged.join('') + text.slice(end);
    },
  ],
  [
    'splice',
    (text, dice, corpus) => {
      const other = dice.pick(corpus).bytes.toString('latin1');
      return text.slice(0, dice.int(0, text.length)) + other.slice(dice.int(0, other.length));
    },
  ],
  ['mixed-line-endings', (text, dice) => text.replace(/\r?\n/g, () => dice.pick(['\n', '\r', '\r\n', '\n\r', '\r\r\n']))],
  [
    'nul-bytes',
    (text, dice) => {
      let out = text;
      for (let n = dice.int(1, 10); n > 0; n -= 1) {
        const at = dice.int(0, out.length);
        out = `${out.slice(0, at)}\u0000${out.slice(at)}`;
      }
      return out;
    },
  ],
  ['drop-boundary', (text) => text.replace(/;?\s*boundary\s*=\s*("[^"]*"|[^;\r\n]*)/gi, '')],
  ['change-boundary', (text, dice) => text.replace(/boundary\s*=\s*("[^"]*"|[^;\r\n]*)/i, `boundary="${dice.pick(['', ' ', '--', 'x'.repeat(5000), '"', 'a b', '\u0000'])}"`)],
  ['nonsense-charset', (text, dice) => text.replace(/charset\s*=\s*("[^"]*"|[^;\s]*)/gi, () => `charset=${dice.pick(NONSENSE_CHARSETS)}`)],
  // Each Content-Type (the message's and its parts') may go; a part's keeps its parameters, as in the wild.
  ['nonsense-content-type', (text, dice) => text.replace(/^(content-type:)[ \t]*[^;\r\n]*/gim, (header: string, name: string) => (dice.chance(0.5) ? `${name} ${dice.pick(NONSENSE_CONTENT_TYPES)}` : header))],
  ['unknown-transfer-encoding', (text, dice) => text.replace(/^(content-transfer-encoding:)[^\r\n]*/gim, () => `Content-Transfer-Encoding: ${dice.pick(NONSENSE_ENCODINGS)}`)],
  ['hostile-filename', (text, dice) => text.replace(/(file)?name\s*=\s*("[^"]*"|[^;\r\n]*)/gi, () => `filename="${dice.pick(HOSTILE_NAMES(dice))}"`)],
];

const NONSENSE_CHARSETS = ['""', 'x-unknown-999', 'utf-7', 'utf-16', 'utf-32', 'ucs-4', '"\u0000"', '__proto__', 'constructor', 'iso-8859-99', 'utf8;utf8', '"' + 'a'.repeat(2000) + '"', 'binary', 'windows-1252\u0000', '\u00ff\u00fe'];
const NONSENSE_CONTENT_TYPES = ['', ';', 'false', 'null', 'undefined', '__proto__', 'constructor', 'text/', '/', '/plain', 'multipart/', 'multipart/mixed', 'multipart/alternative; boundary=', 'message/rfc822', 'message/delivery-status', 'multipart/report; report-type=delivery-status', 'application/ms-tnef', 'text/calendar; method=REQUEST', 'x'.repeat(3000), 'text/plain; charset', 'text/html; name="../../x.html"', '\u0000/\u0000'];
const NONSENSE_ENCODINGS = ['', 'x-uuencode', 'base65', 'quoted-printable; garbage', '8bit 7bit', 'binary', 'BASE64', 'x-gzip64', '\u0000', 'base64 quoted-printable', 'uuencode', '7bit; charset=utf-8'];

const HOSTILE_NAMES = (dice: Dice): string[] => [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\system32\\drivers\\etc\\hosts',
  '/absolute/path/report.pdf',
  'C:\\Users\\Public\\evil.exe',
  'CON',
  'a\u0001b\u0007c\u001bd\u007f.txt',
  'line\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>.txt',
  'invoice\u202efdp.exe',
  'x'.repeat(dice.int(1_000, 10_240)),
  '\u00f0\u009f\u0098\u0080\u00f0\u009f\u0094\u00a5.pdf', // UTF-8 bytes of 😀🔥, as latin1
  '=?UTF-8?B?8J+YgPCflKU=?=.png',
  '=?UTF-8?Q?=E2=80=AEgnp.exe?=',
  '"quoted";name=evil.exe',
  '.htaccess',
  '',
  ' ',
  '\u0000',
  '__proto__',
];

// ---------------------------------------------------------------------------------------------
// Monsters
// ---------------------------------------------------------------------------------------------

interface Monster {
  text: string;
  detail?: string;
  plus?: string;
}

/** Small pools, so that cases of one run collide: the same Message-IDs, senders, thread indexes and tokens. */
const POOL_IDS = Array.from({ length: 12 }, (_, n) => `<pool${n}@fuzz.example>`);
const POOL_SENDERS = ['Ann <ann@fuzz.example>', 'bob@fuzz.example', 'ANN@FUZZ.EXAMPLE', '"Ann (work)" <ann@fuzz.example>', 'fuzz@inbox.test', 'support@fuzz.inbox.test', 'mailer-daemon@fuzz.example', '"quoted local"@fuzz.example', 'üser@exämple.com', 'x@[127.0.0.1]', 'a@', '@b.example', '<script>@fuzz.example'];
const POOL_TOKENS = ['c' + '0'.repeat(20), 'c0123456789abcdef0123', 'p0123456789abcdef0123', 'p' + 'f'.repeat(20), 'C0123456789ABCDEF0123', 'c0123', 'x'.repeat(60), 'r', ''];
const hex = (dice: Dice, length: number) => Array.from({ length }, () => '0123456789abcdef'[dice.int(0, 15)]).join('');

const CRLF = '\r\n';
function envelope(dice: Dice, headers: string[], body: string): string {
  const id = `<fuzz.${dice.int(0, 2 ** 30).toString(36)}.${dice.int(0, 2 ** 30).toString(36)}@fuzz.example>`;
  return [`From: Fuzz Sender <fuzz@fuzz.example>`, `To: support@fuzz.example`, `Subject: fuzz ${id}`, `Message-ID: ${id}`, 'Date: Tue, 24 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0', ...headers, '', body].join(CRLF);
}

function base64Lines(bytes: Buffer): string {
  return bytes.toString('base64').replace(/.{1,76}/g, `$&${CRLF}`);
}

const MONSTERS: Array<[string, (dice: Dice) => Monster]> = [
  [
    'multipart-without-boundary',
    (dice) => ({
      text: envelope(dice, [`Content-Type: ${dice.pick(['multipart/mixed', 'multipart/alternative', 'multipart/related; type=text/html', 'multipart/mixed; boundary=""'])}`], ['--x', 'Content-Type: text/plain', '', 'part one', '--x', 'Content-Type: text/html', '', '<b>two</b>', '--x--', ''].join(CRLF)),
    }),
  ],
  [
    'nonsense-content-type',
    (dice) => {
      const type = dice.pick(NONSENSE_CONTENT_TYPES);
      return { text: envelope(dice, [`Content-Type: ${type}`, `Content-Transfer-Encoding: ${dice.pick(NONSENSE_ENCODINGS)}`], 'Hello?\r\n'), detail: JSON.stringify(type.slice(0, 40)) };
    },
  ],
  [
    'nonsense-part-content-type',
    (dice) => {
      const types = Array.from({ length: dice.int(1, 4) }, () => dice.pick(NONSENSE_CONTENT_TYPES));
      const parts = types.map((type, n) => [`--n`, `Content-Type: ${type}; name="part${n}.bin"`, `Content-Disposition: ${dice.pick(['attachment', 'inline', '', 'false'])}; filename="part${n}.bin"`, '', `part ${n}`].join(CRLF));
      return { text: envelope(dice, ['Content-Type: multipart/mixed; boundary="n"'], ['--n', 'Content-Type: text/plain', '', 'parts with odd types', ...parts, '--n--', ''].join(CRLF)), detail: JSON.stringify(types.map((t) => t.slice(0, 20))) };
    },
  ],
  [
    'nonsense-charset',
    (dice) => ({
      text: envelope(
        dice,
        [`Content-Type: text/plain; charset=${dice.pick(NONSENSE_CHARSETS)}`, `X-Encoded: =?${dice.pick(['bogus', '', 'utf-8*en', 'utf-7'])}?${dice.pick(['Q', 'B', 'X'])}?=E2=80=AE=ZZ?=`],
        'caf\u00e9 \u00ff\u00fe\u0000 =?utf-8?B?####?=\r\n',
      ),
    }),
  ],
  [
    'unknown-transfer-encoding',
    (dice) => {
      const encoding = dice.pick(NONSENSE_ENCODINGS);
      const body = dice.pick(['SGVsbG8=====!!!', '=ZZ=\r\n=\r\n=3', 'begin 644 x\r\n#86)C\r\n`\r\nend', '\u0000\u00ff'.repeat(100)]);
      return { text: envelope(dice, ['Content-Type: text/plain; charset=utf-8', `Content-Transfer-Encoding: ${encoding}`], body), detail: JSON.stringify(encoding) };
    },
  ],
  [
    'deep-nesting',
    (dice) => {
      const depth = dice.pick([50, 200, dice.size(3000)]);
      const asMessages = dice.chance(0.3);
      let body = 'Content-Type: text/plain\r\n\r\ninnermost\r\n';
      for (let level = depth; level > 0; level -= 1) {
        body = asMessages
          ? `Content-Type: message/rfc822\r\n\r\nSubject: level ${level}\r\n${body}`
          : `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n${body}\r\n--b${level}--\r\n`;
      }
      // The outermost level's Content-Type becomes the message's own.
      const text = envelope(dice, [body.slice(0, body.indexOf(CRLF))], body.slice(body.indexOf(CRLF + CRLF) + 4));
      return { text, detail: `${depth}${asMessages ? ' message/rfc822' : ''}` };
    },
  ],
  [
    'thousands-of-parts',
    (dice) => {
      const parts = dice.pick([1000, 3000, dice.size(8000)]);
      const withNames = dice.chance(0.5);
      const body: string[] = [];
      for (let n = 0; n < parts; n += 1) {
        body.push('--p', withNames ? `Content-Type: application/octet-stream; name="f${n}.bin"\r\nContent-Disposition: attachment; filename="f${n}.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC` : `Content-Type: text/plain\r\n\r\npart ${n}`);
      }
      body.push('--p--', '');
      return { text: envelope(dice, ['Content-Type: multipart/mixed; boundary="p"'], body.join(CRLF)), detail: `${parts}${withNames ? ' attachments' : ''}` };
    },
  ],
  [
    'nul-bytes',
    (dice) => ({
      text: envelope(dice, ['Content-Type: text/plain; charset=utf-8', 'X-Nul: a\u0000b', `Reply-To: a\u0000@example.com`], `${'\u0000'.repeat(dice.int(1, 5000))}body\u0000text\r\n`).replace('Subject: ', 'Subject: \u0000'),
    }),
  ],
  [
    'huge-header',
    (dice) => {
      const bytes = dice.pick([100_000, 300_000, 700_000]);
      const kind = dice.int(0, 5);
      const header = [
        () => `Subject: ${'S'.repeat(bytes)}`,
        () => `References: ${Array.from({ length: Math.floor(bytes / 30) }, (_, n) => `<r${n}@ref.example>`).join(' ')}`,
        () => `X-Folded: ${Array.from({ length: Math.floor(bytes / 60) }, () => 'y'.repeat(57)).join(`${CRLF} `)}`,
        () => `Cc: ${Array.from({ length: Math.floor(bytes / 25) }, (_, n) => `u${n}@cc.example`).join(', ')}`,
        () => Array.from({ length: Math.floor(bytes / 40) }, (_, n) => `X-Many-${n}: value ${n}`).join(CRLF),
        () => `Subject: ${Array.from({ length: Math.floor(bytes / 20) }, () => '=?utf-8?B?w6k=?=').join(' ')}`,
      ][kind]();
      return { text: envelope(dice, ['Content-Type: text/plain', header], 'body\r\n'), detail: `${bytes} bytes, kind ${kind}` };
    },
  ],
  [
    'hostile-attachment-names',
    (dice) => {
      const names = HOSTILE_NAMES(dice);
      const chosen = Array.from({ length: dice.int(1, 6) }, () => dice.pick(names));
      const parts = chosen.map((name) => {
        const star = dice.chance(0.3) ? `filename*=UTF-8''${encodeURIComponent(name)}` : `filename="${name}"`;
        return [`--h`, `Content-Type: ${dice.pick(['application/pdf', 'text/html', 'application/x-msdownload', 'false', ''])}; name="${name}"`, `Content-Disposition: attachment; ${star}`, 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from('not really a file'))].join(CRLF);
      });
      return {
        text: envelope(dice, ['Content-Type: multipart/mixed; boundary="h"'], ['--h', 'Content-Type: text/plain', '', 'see attached', ...parts, '--h--', ''].join(CRLF)),
        detail: JSON.stringify(chosen.map((n) => n.slice(0, 20))),
      };
    },
  ],
  [
    'garbage',
    (dice) => {
      const length = dice.size(200_000);
      let text = '';
      for (let n = 0; n < length; n += 1) text += String.fromCharCode(dice.int(0, 255));
      return { text, detail: `${length} random bytes` };
    },
  ],
  ['tiny', (dice) => ({ text: dice.pick(['', '\r\n', 'x', ':', 'Subject:', 'From: a@b\r\n', '\r\n\r\n\r\n', '.']) })],
  [
    'long-line',
    (dice) => {
      const length = dice.pick([100_000, 1_000_000, 3_000_000]);
      return { text: envelope(dice, ['Content-Type: text/html'], `<p>${'a'.repeat(length)}</p>`), detail: `${length}` };
    },
  ],
  [
    'broken-report',
    (dice) => ({
      text: envelope(
        dice,
        ['Content-Type: multipart/report; report-type=delivery-status; boundary="r"', 'Auto-Submitted: auto-replied'],
        ['--r', 'Content-Type: text/plain', '', 'Delivery failed', '--r', 'Content-Type: message/delivery-status', '', dice.pick(['', 'Final-Recipient', 'Original-Envelope-Id: \u0000', 'Status: 5.x.x\r\nAction']), '--r', `Content-Type: ${dice.pick(['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers'])}`, '', dice.pick(['', 'Message-ID:', 'Message-ID: <<<>>>', 'Subject: =?x?q?', '\u0000\u0000']), dice.chance(0.5) ? '--r--' : ''].join(CRLF),
      ),
    }),
  ],
  [
    'odd-addresses',
    (dice) => ({
      text: envelope(dice, ['Content-Type: text/plain'], 'hi\r\n').replace(
        /^From: .*$/m,
        `From: ${dice.pick(['', '<>', '<<<>>>', '@@@', 'undisclosed-recipients:;', 'group: a@b.example, c@d.example;', '"\u0000" <nul@x.example>', `${'a'.repeat(5000)}@example.com`, '=?utf-8?B?77u/?= <bom@x.example>', 'a@b@c', '"quoted\\"" <q@x.example>'])}`,
      ),
    }),
  ],
  [
    'threading',
    (dice) => {
      const own = dice.chance(0.3) ? dice.pick(POOL_IDS) : `<t${hex(dice, 12)}@fuzz.example>`;
      const references = Array.from({ length: dice.pick([0, 1, 3, 50]) }, () => (dice.chance(0.8) ? dice.pick(POOL_IDS) : own));
      const threadIndex = dice.pick([null, Buffer.from(`pool-thread-${dice.int(0, 3)}-xxxxxxxxxxxxxxx`).toString('base64'), '!!!not base64!!!', 'AQ==', Buffer.alloc(dice.size(5000)).toString('base64')]);
      const token = dice.chance(0.5) ? dice.pick(POOL_TOKENS) : `${dice.pick(['c', 'p'])}${hex(dice, 20)}`;
      const headers = [
        ...(references.length ? [`References: ${references.join(' ')}`, `In-Reply-To: ${references[references.length - 1]}`] : []),
        ...(threadIndex ? [`Thread-Index: ${threadIndex}`] : []),
        ...(dice.chance(0.3) ? [dice.pick(['Auto-Submitted: auto-replied', 'X-Autoreply: yes', 'Precedence: bulk', 'Auto-Submitted: auto-generated', 'X-Auto-Response-Suppress: All'])] : []),
        'Content-Type: text/plain; charset=utf-8',
      ];
      const text = envelope(dice, headers, `Re: your mail
${dice.chance(0.5) ? markerFor(token) : ''}
> quoted ${markerFor(`c${hex(dice, 20)}`)}
`)
        .replace(/^From: .*$/m, dice.chance(0.1) ? '' : `From: ${dice.pick(POOL_SENDERS)}`)
        .replace(/^Message-ID: .*$/m, `Message-ID: ${own}`);
      return { text, detail: `${own} refs ${references.length}`, plus: dice.chance(0.6) ? token : undefined };
    },
  ],
  [
    'quote-heavy-text',
    (dice) => {
      const lines = dice.pick([2_000, 20_000, 60_000]);
      const line = dice.pick(['> ', '> > > > > > > > > > x', 'On Mon, 1 Jan 2026 at 10:00, someone <a@b.example> wrote:', '-----Original Message-----', '-- ', '_'.repeat(200), 'From: a@b.example', 'Sent from my iPhone', ' '.repeat(500), 'On ' + 'x '.repeat(300)]);
      const body = Array.from({ length: lines }, (_, n) => (dice.chance(0.1) ? `line ${n}` : line)).join('\r\n');
      return { text: envelope(dice, ['Content-Type: text/plain; charset=utf-8'], body), detail: `${lines} x ${JSON.stringify(line.slice(0, 20))}` };
    },
  ],
  [
    'hostile-html',
    (dice) => {
      const n = dice.pick([1_000, 10_000, 50_000]);
      const html = [
        () => '<div>'.repeat(n) + 'deep' + '</div>'.repeat(n),
        () => '<p ' + Array.from({ length: n }, (_, i) => `a${i}="x"`).join(' ') + '>attrs</p>',
        () => '<!--' + '<p>'.repeat(n),
        () => `<style>${'p{color:red}'.repeat(n)}</style><p>styled</p>`,
        () => Array.from({ length: n }, (_, i) => `<img src="cid:part${i}@x">`).join(''),
        () => '<table>'.repeat(n) + '<td>'.repeat(n),
        () => '<a href="javascript:alert(1)">x</a>'.repeat(n),
        () => `<svg><script>alert(1)</script>${'<g>'.repeat(n)}</svg>`,
      ][dice.int(0, 7)]();
      return { text: envelope(dice, ['Content-Type: text/html; charset=utf-8'], html), detail: `${n}` };
    },
  ],
  [
    'provider-confirmation',
    (dice) => {
      const link = dice.pick(['https://mail-settings.google.com/mail/vf-abc', `https://mail.google.com/${'x'.repeat(dice.size(300_000))}`, 'https://mail.google.com/"><script>alert(1)</script>', 'javascript:alert(1)', '']);
      const code = dice.pick(['123456789', '1'.repeat(12), '', '\u0000', '12345678901234567890']);
      const text = envelope(dice, ['Content-Type: text/plain; charset=utf-8'], `Confirmation code: ${code}\r\nTo allow forwarding, click ${link}\r\n`)
        .replace(/^From: .*$/m, `From: ${dice.pick(['Gmail Team <forwarding-noreply@google.com>', 'forwarding-noreply@google.com', 'FORWARDING-NOREPLY@GOOGLE.COM'])}`)
        .replace(/^Subject: .*$/m, `Subject: ${dice.pick(['(#123456789) Gmail Forwarding Confirmation - Receive Mail from x@gmail.com', 'Forwarding Confirmation', `Forwarding Confirmation ${'z'.repeat(dice.size(100_000))}`])}`);
      return { text, detail: `code ${JSON.stringify(code.slice(0, 20))} link ${link.length}` };
    },
  ],
  [
    'loop',
    (dice) => ({
      text: envelope(dice, ['Content-Type: text/plain', ...(dice.chance(0.5) ? ['X-Loop: support@fuzz.inbox.test'] : [])], 'our own mail?\r\n').replace(
        /^Message-ID: .*$/m,
        `Message-ID: ${dice.pick(['<own@inbox.test>', `<r${hex(dice, 8)}@inbox.test>`, 'own@inbox.test', '<@inbox.test>'])}`,
      ),
    }),
  ],
  [
    'odd-dates',
    (dice) => ({
      text: envelope(dice, ['Content-Type: text/plain'], 'when?\r\n').replace(
        /^Date: .*$/m,
        `Date: ${dice.pick(['', 'yesterday', 'Tue, 31 Feb 2026 25:61:61 +9999', '0', '-1', '99999999999999', 'Sat, 01 Jan 275760 00:00:00 GMT', '+275760-09-13T00:00:00.001Z', 'Mon, 01 Jan 0000 00:00:00 +0000', '\u0000', 'Thu, 01 Jan 1970 00:00:00 -2400'])}`,
      ),
    }),
  ],
  [
    'prototype-headers',
    (dice) => ({
      text: envelope(dice, ['__proto__: polluted', 'constructor: x', 'hasOwnProperty: y', `Content-Type: text/plain; __proto__=1; constructor=2`, 'toString: z'], 'prototype\r\n'),
    }),
  ],
];
