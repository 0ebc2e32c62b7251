import { hasQuotedText } from '../domain/mail-client-classes';
import { sanitizeBoundedHtml, sanitizeMailHtml } from './html-sanitizer';

describe('sanitizeMailHtml: hostile input', () => {
  it.each([
    ['script tags and their content', '<p>Hi</p><script>alert(1)</script>', '<p>Hi</p>'],
    ['event handlers', '<p onclick="alert(1)" onmouseover="x()">Hi</p>', '<p>Hi</p>'],
    ['javascript: links', '<a href="javascript:alert(1)">click</a>', '<a target="_blank" rel="noopener noreferrer nofollow">click</a>'],
    ['obfuscated javascript: links', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['data: URLs in links', '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['data: URLs in images', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
    ['iframes', '<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['forms, nested', '<form action="https://evil.example"><form><input name="password"><button>Go</button></form></form>', 'Go'],
    ['inline SVG with script', '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg><p>x</p>', '<p>x</p>'],
    ['CSS expressions', '<div style="width: expression(alert(1)); color: red">x</div>', '<div style="color:red">x</div>'],
    ['CSS url()', '<div style="background-color: red; background: url(https://track.example/p.gif)">x</div>', '<div style="background-color:red">x</div>'],
    ['style elements', '<style>body{background:url(javascript:alert(1))}</style><p>x</p>', '<p>x</p>'],
    ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example"><p>x</p>', '<p>x</p>'],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf"><p>x</p>', '<p>x</p>'],
  ])('removes %s', (_, input, expected) => {
    expect(sanitizeMailHtml(input)).toBe(expected);
  });

  it('blocks remote images until the agent allows them, keeping the address aside', () => {
    expect(sanitizeMailHtml('<img src="https://track.example/pixel.gif" alt="logo" width="10">')).toBe(
      '<img alt="logo" width="10" data-remote-src="https://track.example/pixel.gif" />',
    );
  });

  it('keeps inline cid: images, tables and line breaks', () => {
    const html = '<table border="1" cellpadding="2"><tr><td colspan="2">a<br>b</td></tr></table><img src="cid:logo@acme">';
    expect(sanitizeMailHtml(html)).toBe('<table border="1" cellpadding="2"><tr><td colspan="2">a<br />b</td></tr></table><img src="cid:logo@acme" />');
  });

  it('opens links in a new tab without leaking the opener', () => {
    expect(sanitizeMailHtml('<a href="https://acme.example/help">help</a>')).toBe(
      '<a href="https://acme.example/help" target="_blank" rel="noopener noreferrer nofollow">help</a>',
    );
  });

  it('keeps the classes that mark quoted text, so the UI can fold it', () => {
    expect(sanitizeMailHtml('<div class="gmail_quote evil">On Mon <blockquote>old</blockquote></div>')).toBe(
      '<div class="gmail_quote">On Mon <blockquote>old</blockquote></div>',
    );
  });

  it.each(['gmail_quote', 'yahoo_quoted', 'moz-cite-prefix'])('keeps what marks a %s quote, and the thread view folds what it kept', (name) => {
    // Given a quote as that client marks it, and a mail with no quote
    const quoted = sanitizeMailHtml(`<p>New</p><div class="${name}">Old</div>`);
    // Then the thread view finds the quote in what the sanitizer kept, and none where there is none
    expect(quoted).toContain(`class="${name}"`);
    expect(hasQuotedText(quoted)).toBe(true);
    expect(hasQuotedText(sanitizeMailHtml('<p class="evil">New</p>'))).toBe(false);
  });
});

describe('sanitizeBoundedHtml: size and depth before the sanitizer', () => {
  it('sanitizes a mail of ordinary size and depth as sanitizeMailHtml does, cutting nothing', () => {
    const html = '<div><p>Hi <b>there</b></p><script>x()</script></div>';
    expect(sanitizeBoundedHtml(html)).toEqual({ value: sanitizeMailHtml(html), cut: false });
  });

  it('sanitizes a megabyte of nested <div> in well under a second (it took 20 s), and says it cut', () => {
    const started = performance.now();
    const bounded = sanitizeBoundedHtml('<div>'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(bounded.cut).toBe(true);
    expect(bounded.value).toBe(`${'<div>'.repeat(100)}${'</div>'.repeat(100)}`);
  });

  it('cuts a body longer than 500,000 characters', () => {
    const bounded = sanitizeBoundedHtml(`<p>${'x'.repeat(600_000)}</p>`);
    expect(bounded).toEqual({ value: `<p>${'x'.repeat(499_997)}</p>`, cut: true });
  });
});
