import { QUOTE_BOUNDS, quoteMessage, withQuote, type QuotedMessage } from './quoted-history';

const berlin = { locale: 'de', timeZone: 'Europe/Berlin' };
const carla: QuotedMessage = {
  author: 'Carla Kundin',
  at: new Date('2026-12-02T06:26:00Z'),
  text: 'Hallo,\n\ndie Bremsen quietschen.\n',
  html: '<p>Hallo,</p><p>die Bremsen <b>quietschen</b>.</p>',
};

describe('quoted history', () => {
  it('given a German account, when a reply quotes Carla’s mail, then the attribution is German in Berlin time and each line is quoted', () => {
    const quote = quoteMessage(carla, berlin);
    expect(quote.text).toBe('Am 2. Dez. 2026 um 07:26 schrieb Carla Kundin:\n> Hallo,\n>\n> die Bremsen quietschen.');
    expect(quote.html).toContain('Am 2. Dez. 2026 um 07:26 schrieb Carla Kundin:');
    expect(quote.html).toContain('<blockquote type="cite"');
    expect(quote.html).toContain('<p>die Bremsen <b>quietschen</b>.</p></blockquote>');
  });

  it('speaks English in the account’s own date format and time zone, and English for a language it has no phrase for', () => {
    expect(quoteMessage(carla, { locale: 'en', timeZone: 'America/New_York' }).text.split('\n')[0]).toBe('On Dec 2, 2026 at 1:26 AM, Carla Kundin wrote:');
    expect(quoteMessage(carla, { locale: 'en-GB', timeZone: 'UTC' }).text.split('\n')[0]).toBe('On 2 Dec 2026 at 06:26, Carla Kundin wrote:');
    expect(quoteMessage(carla, { locale: 'de-AT', timeZone: 'UTC' }).text.split('\n')[0]).toBe('Am 2. Dez. 2026 um 06:26 schrieb Carla Kundin:');
    expect(quoteMessage(carla, { locale: 'fr', timeZone: 'UTC' }).text.split('\n')[0]).toBe('On Dec 2, 2026 at 6:26 AM, Carla Kundin wrote:');
  });

  it('quotes a plain-text mail in HTML as escaped text, and an already quoted line gets one more level', () => {
    const quote = quoteMessage({ ...carla, text: 'a <b>tag</b> & more\n> older', html: null }, berlin);
    expect(quote.text).toBe('Am 2. Dez. 2026 um 07:26 schrieb Carla Kundin:\n> a <b>tag</b> & more\n> > older');
    expect(quote.html).toContain('a &lt;b&gt;tag&lt;/b&gt; &amp; more\n&gt; older');
    expect(quote.html).not.toContain('<b>tag');
  });

  it('escapes the author in HTML and keeps them on one line', () => {
    const quote = quoteMessage({ ...carla, author: '<script>x</script>\r\nBcc: evil' }, berlin);
    expect(quote.html).not.toContain('<script>');
    expect(quote.text.split('\n')[0]).toBe('Am 2. Dez. 2026 um 07:26 schrieb <script>x</script> Bcc: evil:');
  });

  it('leaves out inline images the answered mail carried, which the reply does not send again', () => {
    const quote = quoteMessage({ ...carla, html: '<p>Foto:<img alt="a > b" src="cid:photo@x" width="10" /><img src="/logo.png" /></p>' }, berlin);
    expect(quote.html).not.toContain('cid:');
    expect(quote.html).toContain('<img src="/logo.png" />');
  });

  it('cuts a text past the bound at a line, with a note, and quotes an HTML past its bound as text', () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = line.repeat(QUOTE_BOUNDS.textChars / line.length + 10);
    const quote = quoteMessage({ ...carla, text, html: `<p>${'y'.repeat(QUOTE_BOUNDS.htmlChars)}</p>` }, berlin);
    expect(quote.text.length).toBeLessThan(QUOTE_BOUNDS.textChars * 1.1);
    expect(quote.text.endsWith('>\n> [Die zitierte Nachricht wurde gekürzt.]')).toBe(true);
    expect(quote.text.split('\n').slice(1, -2).every((l) => l === `> ${'x'.repeat(99)}`)).toBe(true);
    expect(quote.html).not.toContain('yyy');
    expect(quote.html).toContain('[Die zitierte Nachricht wurde gekürzt.]');
  });

  it('puts the quote below the reply: after the text, and inside the HTML document’s body', () => {
    const quote = quoteMessage(carla, berlin);
    const reply = withQuote({ text: 'Wir kümmern uns.\n', html: '<html><body><div>Wir kümmern uns.</div></body></html>' }, quote);
    expect(reply.text).toBe(`Wir kümmern uns.\n\n${quote.text}`);
    expect(reply.html).toBe(`<html><body><div>Wir kümmern uns.</div>${quote.html}</body></html>`);
    expect(withQuote({ text: 'a', html: '<p>a</p>' }, quote).html).toBe(`<p>a</p>${quote.html}`);
    expect(withQuote({ text: 'a', html: '<p>a</p>' }, null)).toEqual({ text: 'a', html: '<p>a</p>' });
  });
});
