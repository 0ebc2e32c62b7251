/**
 * `Content-Disposition: attachment` for any file name (RFC 6266): `filename*` carries the name in
 * UTF-8, `filename` an ASCII stand-in for old clients. A header value may hold no character above
 * U+00FF, so a name like `отчёт 文件 📎.pdf` written there as is fails the whole response.
 */
export function attachmentDisposition(filename: string | null | undefined, fallbackName = 'attachment'): string {
  // Mail names files as it likes: control characters and path separators are never wanted.
  const name =
    (filename ?? '')
      .replace(LONE_SURROGATE, '\ufffd')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
      .trim() || fallbackName;
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

// Half of a UTF-16 pair: encodeURIComponent throws on it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encoding as RFC 5987's attr-char wants it: encodeURIComponent leaves ' ( ) * as they are. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
