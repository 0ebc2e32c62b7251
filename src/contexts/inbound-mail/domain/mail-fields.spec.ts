import {
  contentTypeOf,
  fileNameOf,
  headerTokenOf,
  instantOf,
  MAIL_LIMITS,
  mailAddressesOf,
  mailAddressOf,
  messageIdListOf,
  oneLineOf,
  sizeOf,
} from './mail-fields';

describe('the mail field rules', () => {
  it.each([
    ['image/jpeg', 'image/jpeg'],
    ['Application/PDF; name="x.pdf"', 'application/pdf'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['', 'application/octet-stream'],
    ['; name="facejj.jpg"', 'application/octet-stream'],
    ['image', 'application/octet-stream'],
    ['text/plain/extra', 'application/octet-stream'],
    [false, 'application/octet-stream'],
    [null, 'application/octet-stream'],
    [undefined, 'application/octet-stream'],
  ])('content type %j → %s', (value, expected) => {
    expect(contentTypeOf(value)).toBe(expected);
  });

  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\photo.jpg', 'photo.jpg'],
    ['in\u0000voice.pdf', 'invoice.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2066a\u2069.txt', 'a.txt'],
    ['  ', null],
    ['..', null],
    ['dir/', null],
    [false, null],
    [42, null],
  ])('file name %j → %j', (value, expected) => {
    expect(fileNameOf(value)).toBe(expected);
  });

  it('bounds a long file name and keeps its extension', () => {
    const name = fileNameOf(`${'a'.repeat(1000)}.pdf`) as string;
    expect(name).toHaveLength(MAIL_LIMITS.fileName);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('lowercases addresses, drops those that do not look deliverable and bounds names', () => {
    expect(mailAddressOf({ name: ' Carla ', address: ' Carla@Example.COM ' })).toEqual({ name: 'Carla', address: 'carla@example.com' });
    expect(mailAddressOf({ name: 42, address: 'a@b.example' })).toEqual({ name: '', address: 'a@b.example' });
    expect(mailAddressOf({ name: 'x'.repeat(1000), address: 'a@b.example' })?.name).toHaveLength(MAIL_LIMITS.displayName);
    for (const address of ['no-at-sign', 'a b@example.com', '<a@example.com>', 'a@b@c', `${'x'.repeat(400)}@example.com`, 42]) {
      expect(mailAddressOf({ name: '', address })).toBeNull();
    }
    const many = Array.from({ length: 300 }, (_, i) => ({ name: '', address: `p${i % 200}@example.com` }));
    expect(mailAddressesOf(many)).toHaveLength(MAIL_LIMITS.addresses);
    expect(mailAddressesOf('not a list')).toEqual([]);
  });

  it('keeps valid instants only, as ISO 8601 in UTC', () => {
    expect(instantOf(new Date('2026-11-24T10:00:00+01:00'))).toBe('2026-11-24T09:00:00.000Z');
    expect(instantOf('2026-11-24T10:00:00.000Z')).toBe('2026-11-24T10:00:00.000Z');
    expect(instantOf(new Date(Number.NaN))).toBeNull();
    expect(instantOf('Tue, 24 Nov 2026 10:00:00 +0000')).toBeNull();
    expect(instantOf('2026-13-45T99:00:00Z')).toBeNull();
    expect(instantOf(1700000000000)).toBeNull();
  });

  it('makes sizes non-negative integers', () => {
    expect([sizeOf(10), sizeOf(10.7), sizeOf(-1), sizeOf(Number.NaN), sizeOf(Infinity), sizeOf(null), sizeOf('12')]).toEqual([10, 10, 0, 0, 0, 0, 0]);
  });

  it('bounds subjects, Message-IDs and Message-ID lists', () => {
    expect(oneLineOf('two\r\n\tlines', 100)).toBe('two lines');
    expect(oneLineOf('x'.repeat(5000), MAIL_LIMITS.subject)).toHaveLength(MAIL_LIMITS.subject);
    expect(oneLineOf(undefined, 10)).toBe('');
    // Right-to-left text keeps its marks; only file names lose bidi controls.
    expect(oneLineOf('\u05e9\u05dc\u05d5\u05dd\u200f (Dana)', 100)).toBe('\u05e9\u05dc\u05d5\u05dd\u200f (Dana)');
    expect(headerTokenOf(' <id@example.com> ')).toBe('<id@example.com>');
    expect(headerTokenOf('<a b@example.com>')).toBeNull();
    expect(headerTokenOf(`<${'x'.repeat(2000)}@example.com>`)).toBeNull();
    const ids = Array.from({ length: 250 }, (_, i) => `<m${i}@example.com>`);
    const kept = messageIdListOf([...ids, ids[0], 7]);
    expect(kept).toHaveLength(MAIL_LIMITS.messageIds);
    expect(kept.at(-1)).toBe('<m249@example.com>');
  });
});
