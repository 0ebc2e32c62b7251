import { safeNextPath } from '../web/lib/safe-next-path';

describe('safeNextPath (the web app\'s redirect targets)', () => {
  it.each(['/inbox', '/inbox/abc?status=open', '/settings/forms/1#fields', '/contacts?q=a:b', '/inbox?q=late%20order', '/inbox?q=late order'])('keeps a path on this site: %s', (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ['a backslash host', '/\\127.0.0.1:8999/x'],
    ['an encoded backslash host', '/%5C127.0.0.1:8999/x'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['an encoded second slash', '/%2Fevil.example/x'],
    ['a tab a browser would drop', '/\t/evil.example'],
    ['an encoded newline', '/%0A/evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'inbox'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['nothing', ''],
    ['no string', ['/inbox']],
  ])('refuses %s', (_, value) => {
    expect(safeNextPath(value)).toBeNull();
  });
});
