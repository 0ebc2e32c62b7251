/**
 * The one rule for where a `next` (or any redirect target read from a request) may send the
 * visitor: a path on this site. It must start with a single `/`, and hold no `\` (browsers read
 * `/\host` as `//host`), no second leading slash (so no scheme either) and no control character
 * (browsers drop tabs and newlines from URLs, `/\t/host` is `//host`), also once percent-decoded. Null otherwise.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  for (const candidate of [value, decoded]) {
    if (!candidate.startsWith('/') || candidate.startsWith('//')) return null;
    if (candidate.includes('\\') || CONTROL.test(candidate)) return null;
  }
  // What a browser would make of it, relative to any origin, must stay on that origin.
  const base = 'http://origin.invalid';
  return new URL(value, base).origin === base ? value : null;
}

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;
