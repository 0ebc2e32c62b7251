const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Windows-1252's 0x80-0x9F (Node's decoder gives C1 controls there, as ISO-8859-1 does); 0 marks undefined bytes. */
const WINDOWS_1252_C1 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function fromWindows1252(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) {
    const c1 = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_C1[byte - 0x80] : byte;
    text += String.fromCharCode(c1 || 0xfffd);
  }
  return text;
}

/**
 * Old and careless clients put raw 8-bit text in headers with no RFC 2047 encoding, almost always in
 * Latin-1 or Windows-1252 ("Ingo L\xfctkebohle"). Read as UTF-8 those bytes become U+FFFD, so each
 * header line that is not valid UTF-8 is re-encoded from Windows-1252 (a superset of Latin-1) before
 * parsing. Valid UTF-8 lines and the body are left as they are; the stored raw message is untouched.
 */
export function withReadableHeaders(raw: Buffer): Buffer {
  const end = headerEnd(raw);
  const header = raw.subarray(0, end);
  if (!header.some((byte) => byte >= 0x80) || isUtf8(header)) return raw;
  const lines: Buffer[] = [];
  let start = 0;
  while (start < header.length) {
    const newline = header.indexOf(0x0a, start);
    const stop = newline === -1 ? header.length : newline + 1;
    const line = header.subarray(start, stop);
    lines.push(isUtf8(line) ? line : Buffer.from(fromWindows1252(line), 'utf8'));
    start = stop;
  }
  return Buffer.concat([...lines, raw.subarray(end)]);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Where the header section ends (the empty line), or the whole message when it has none. */
function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((index) => index !== -1);
  return ends.length === 0 ? raw.length : Math.min(...ends);
}
