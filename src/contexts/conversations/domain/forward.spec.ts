import { forwardedHtml, forwardedText, type ForwardedMessage } from './forward';
import { forwardSubject } from './reply-subject';

const message: ForwardedMessage = {
  from: { name: 'Carla', address: 'carla@example.com' },
  to: [{ name: '', address: 'support@acme.inbox.test' }],
  cc: [{ name: 'Dan', address: 'dan@example.com' }],
  subject: 'Broken zipper',
  sentAt: '2026-11-24T10:00:00.000Z',
  text: 'The zipper broke.\r\nCarla',
  html: null,
};

describe('a forward', () => {
  it('is subjected Fwd: once, with the reply and forward prefixes of any client taken off', () => {
    expect(forwardSubject('Broken zipper')).toBe('Fwd: Broken zipper');
    expect(forwardSubject('FWD: Broken zipper')).toBe('Fwd: Broken zipper');
    expect(forwardSubject('AW: WG: Bremsen quietschen nach Reparatur')).toBe('Fwd: Bremsen quietschen nach Reparatur');
    expect(forwardSubject('')).toBe('Fwd: (no subject)');
  });

  it('quotes each message under the separator with its headers, after the note', () => {
    expect(forwardedText('Can you fix this?\n', [message])).toBe(
      [
        'Can you fix this?',
        '',
        '---------- Forwarded message ---------',
        'From: Carla <carla@example.com>',
        'Date: Tue, 24 Nov 2026 10:00:00 GMT',
        'Subject: Broken zipper',
        'To: support@acme.inbox.test',
        'Cc: Dan <dan@example.com>',
        '',
        'The zipper broke.\nCarla',
      ].join('\n'),
    );
  });

  it('escapes headers and text in HTML, and keeps a message\'s own (sanitized) HTML', () => {
    const html = forwardedHtml([{ ...message, subject: '<b>zip</b>' }, { ...message, html: '<p>Own</p>' }]);
    expect(html).toContain('Subject: &lt;b&gt;zip&lt;/b&gt;');
    expect(html).toContain('From: Carla &lt;carla@example.com&gt;');
    expect(html).toContain('The zipper broke.');
    expect(html).toContain('<p>Own</p>');
  });

  it('given a German account, when a message is forwarded, then it is subjected WG: and quoted under German headers in the account’s time', () => {
    const berlin = { language: 'de' as const, timeZone: 'Europe/Berlin' };
    expect(forwardSubject('AW: Bremsen quietschen', 'de')).toBe('WG: Bremsen quietschen');
    expect(forwardSubject('Fwd: WG: Bremsen quietschen', 'de')).toBe('WG: Bremsen quietschen');
    expect(forwardSubject('', 'de')).toBe('WG: (kein Betreff)');
    expect(forwardedText('Bitte prüfen.', [message], berlin)).toBe(
      [
        'Bitte prüfen.',
        '',
        '---------- Weitergeleitete Nachricht ---------',
        'Von: Carla <carla@example.com>',
        'Datum: Di., 24. Nov. 2026 um 11:00',
        'Betreff: Broken zipper',
        'An: support@acme.inbox.test',
        'Cc: Dan <dan@example.com>',
        '',
        'The zipper broke.\nCarla',
      ].join('\n'),
    );
    const html = forwardedHtml([message], berlin);
    expect(html).toContain('---------- Weitergeleitete Nachricht ---------<br>Von: Carla &lt;carla@example.com&gt;<br>Datum: Di., 24. Nov. 2026 um 11:00');
  });
});
