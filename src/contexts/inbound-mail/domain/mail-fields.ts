/**
 * The rules for each field of a parsed mail, in one place: the event schemas check them, intake
 * applies them to what mailparser hands over, and the upcasters apply them to what earlier builds
 * stored. Each `…Of` takes anything (mail is hostile, and a parser's output is not a contract) and
 * returns a value that passes the schema.
 */

export const MAIL_LIMITS = {
  /** RFC 6838 allows 127 characters for the type and for the subtype. */
  contentType: 255,
  fileName: 255,
  /** 64 for the local part, 255 for the domain (RFC 3696 erratum). */
  address: 320,
  displayName: 256,
  /** RFC 5322's longest line. */
  subject: 998,
  messageId: 998,
  /** Message-IDs kept of In-Reply-To and References: the newest ones, which threading tries first. */
  messageIds: 100,
  /** Addresses kept per header (To, Cc, Reply-To). */
  addresses: 100,
  threadIndex: 1000,
} as const;

export const OCTET_STREAM = 'application/octet-stream';

/** `type/subtype`, lowercased, from RFC 6838's restricted-name characters. */
export const CONTENT_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** C0 and C1 controls, NUL included. */
const CONTROL_CHARS = '\\u0000-\\u001f\\u007f-\\u009f';
/** The bidi controls that can make `invoice<RLO>fdp.exe` read as `invoiceexe.pdf`; right-to-left text keeps them elsewhere. */
const BIDI_CHARS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_CHARS = CONTROL_CHARS + BIDI_CHARS;
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'g');
const CONTROL_RUNS = new RegExp(`[${CONTROL_CHARS}]+`, 'g');

/** A header token (Message-ID, Content-ID, Thread-Index): no whitespace and none of the characters above. */
export const HEADER_TOKEN_PATTERN = new RegExp(`^[^\\s${UNSAFE_CHARS}]+$`);

/** What a stored file name may not contain: path separators and the characters above. */
export const FILE_NAME_PATTERN = new RegExp(`^[^/\\\\${UNSAFE_CHARS}]+$`);

/** An address that looks deliverable: something, one `@`, a domain; no spaces, controls or brackets. */
const ADDRESS_PART = `[^\\s@<>()[\\]\\\\,;:"${UNSAFE_CHARS}]+`;
export const ADDRESS_PATTERN = new RegExp(`^${ADDRESS_PART}@${ADDRESS_PART}$`);

/** ISO 8601 as `Date#toISOString` writes it. */
export const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A MIME content type as `type/subtype`, lowercased, parameters dropped; anything else is opaque bytes. */
export function contentTypeOf(value: unknown): string {
  if (typeof value !== 'string') return OCTET_STREAM;
  const essence = value.split(';', 1)[0].trim().toLowerCase();
  return CONTENT_TYPE_PATTERN.test(essence) ? essence : OCTET_STREAM;
}

/**
 * A file name safe to show and to offer for download: no directories, no control or bidi
 * characters, bounded (keeping a short extension); null when nothing is left.
 */
export function fileNameOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const base = value.split(/[/\\]/).pop() ?? '';
  const name = base.replace(UNSAFE, '').trim();
  if (name === '' || name === '.' || name === '..') return null;
  const chars = [...name];
  if (chars.length <= MAIL_LIMITS.fileName) return name;
  const extension = /\.[^.]{1,16}$/.exec(name)?.[0] ?? '';
  return chars.slice(0, MAIL_LIMITS.fileName - [...extension].length).join('') + extension;
}

/** Text bounded to `max` characters, each run of controls (line breaks included) turned into a space. */
export function oneLineOf(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(CONTROL_RUNS, ' ').trim();
  return text.length <= max ? text : [...text].slice(0, max).join('').trim();
}

/** A lowercased address that looks deliverable, with its display name; null otherwise. */
export function mailAddressOf(value: unknown): { name: string; address: string } | null {
  if (!value || typeof value !== 'object') return null;
  const { name, address } = value as { name?: unknown; address?: unknown };
  if (typeof address !== 'string') return null;
  const normalized = address.trim().toLowerCase();
  if (normalized.length > MAIL_LIMITS.address || !ADDRESS_PATTERN.test(normalized)) return null;
  return { name: oneLineOf(name, MAIL_LIMITS.displayName), address: normalized };
}

/** The addresses of a header that pass, deduplicated, at most MAIL_LIMITS.addresses. */
export function mailAddressesOf(value: unknown): Array<{ name: string; address: string }> {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const result: Array<{ name: string; address: string }> = [];
  for (const entry of value) {
    const address = mailAddressOf(entry);
    if (!address || seen.has(address.address)) continue;
    seen.add(address.address);
    result.push(address);
    if (result.length === MAIL_LIMITS.addresses) break;
  }
  return result;
}

/** An instant as ISO 8601 (UTC), or null for anything that is not a valid date. */
export function instantOf(value: unknown): string | null {
  const date = value instanceof Date ? value : typeof value === 'string' && ISO_INSTANT_PATTERN.test(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** A byte count: a non-negative integer, 0 when unknown. */
export function sizeOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.floor(value), Number.MAX_SAFE_INTEGER) : 0;
}

/** A Message-ID (or Content-ID, Thread-Index): trimmed, bounded, no whitespace or controls; null otherwise. */
export function headerTokenOf(value: unknown, max: number = MAIL_LIMITS.messageId): string | null {
  if (typeof value !== 'string') return null;
  const token = value.trim();
  return token.length <= max && HEADER_TOKEN_PATTERN.test(token) ? token : null;
}

/** Message-IDs, deduplicated, in order, the newest MAIL_LIMITS.messageIds of them. */
export function messageIdListOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = [...new Set(value.map((id) => headerTokenOf(id)).filter((id): id is string => id !== null))];
  return ids.length <= MAIL_LIMITS.messageIds ? ids : ids.slice(-MAIL_LIMITS.messageIds);
}
