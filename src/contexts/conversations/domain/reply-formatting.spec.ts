import { sanitizeMailHtml } from '../../inbound-mail/contract';
import { formatReply, isLinkableUrl } from './reply-formatting';

const P = '<p style="margin:0 0 16px">';
const UL = '<ul style="margin:0 0 16px;padding-left:24px">';
const OL = '<ol style="margin:0 0 16px;padding-left:24px"';

describe('reply formatting', () => {
  it('leaves text without marks as the plain frame had it: paragraphs, line breaks, escaped', () => {
    const given = 'Hello Ann,\nthanks for writing.\n\nWe\'ll ship "today" & tomorrow.';
    const { html, text } = formatReply(given);
    expect(html).toBe(`${P}Hello Ann,<br>thanks for writing.</p>${P}We&#39;ll ship &quot;today&quot; &amp; tomorrow.</p>`);
    expect(text).toBe(given);
  });

  it('makes **bold**, *italic* and _italic_', () => {
    const { html, text } = formatReply('A **bold** word, an *italic* one and _another_.');
    expect(html).toBe(`${P}A <strong>bold</strong> word, an <em>italic</em> one and <em>another</em>.</p>`);
    expect(text).toBe('A bold word, an italic one and another.');
  });

  it('nests marks inside each other, in links and in list items', () => {
    expect(formatReply('**very _much_ so**').html).toBe(`${P}<strong>very <em>much</em> so</strong></p>`);
    expect(formatReply('- **[docs](https://example.com/a_b)** now').html).toBe(
      `${UL}<li><strong><a href="https://example.com/a_b">docs</a></strong> now</li></ul>`,
    );
    expect(formatReply('[the *new* guide](https://example.com)').html).toBe(`${P}<a href="https://example.com">the <em>new</em> guide</a></p>`);
  });

  it('keeps marks that do not pair, arithmetic and snake_case as text', () => {
    expect(formatReply('2 * 3 * 4 and some_snake_case and **open').text).toBe('2 * 3 * 4 and some_snake_case and **open');
    expect(formatReply('2 * 3 * 4 and some_snake_case and **open').html).toBe(`${P}2 * 3 * 4 and some_snake_case and **open</p>`);
    expect(formatReply('****').html).toBe(`${P}****</p>`);
    expect(formatReply('**a *b** c*').html).toBe(`${P}<strong>a *b</strong> c*</p>`);
  });

  it('links http, https and mailto; the text alternative names the address', () => {
    const { html, text } = formatReply('See [our guide](https://example.com/guide?a=1&b=2) or [write](mailto:help@example.com).');
    expect(html).toBe(`${P}See <a href="https://example.com/guide?a=1&amp;b=2">our guide</a> or <a href="mailto:help@example.com">write</a>.</p>`);
    expect(text).toBe('See our guide <https://example.com/guide?a=1&b=2> or write <help@example.com>.');
    expect(formatReply('[https://example.com](https://example.com)').text).toBe('https://example.com');
  });

  it('refuses javascript:, data: and other links: they stay text', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', 'https://a" onclick="x']) {
      const { html } = formatReply(`[click](${url})`);
      expect(html).not.toContain('<a');
      expect(html).toContain('[click]');
    }
  });

  it('tells the composer which addresses it may link', () => {
    expect(['https://example.com', 'http://a.example/x?y=1', 'mailto:help@example.com'].every(isLinkableUrl)).toBe(true);
    expect(['javascript:alert(1)', 'example.com', 'ftp://example.com', 'https://a b', ''].some(isLinkableUrl)).toBe(false);
  });

  it('escapes HTML the agent types: a <script> is text', () => {
    const { html, text } = formatReply('<script>alert(1)</script> **<b onclick="x">hi</b>**');
    expect(html).toBe(`${P}&lt;script&gt;alert(1)&lt;/script&gt; <strong>&lt;b onclick=&quot;x&quot;&gt;hi&lt;/b&gt;</strong></p>`);
    expect(text).toBe('<script>alert(1)</script> <b onclick="x">hi</b>');
  });

  it('makes bulleted and numbered lists, readable as text', () => {
    const { html, text } = formatReply('Steps:\n1. Open *settings*\n2. Save\n\n- one\n* two');
    expect(html).toBe(`${P}Steps:</p>${OL}><li>Open <em>settings</em></li><li>Save</li></ol>${UL}<li>one</li><li>two</li></ul>`);
    expect(text).toBe('Steps:\n1. Open settings\n2. Save\n\n- one\n- two');
    expect(formatReply('3. three\n4. four').html).toBe(`${OL} start="3"><li>three</li><li>four</li></ol>`);
  });

  it('makes quotes, with paragraphs and lists inside, and quotes in quotes', () => {
    const { html, text } = formatReply('> You wrote **this**\n>\n> - a point\n> > older');
    expect(html).toBe(
      '<blockquote style="margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #cbd5e1;color:#475569">' +
        `${P}You wrote <strong>this</strong></p>${UL}<li>a point</li></ul>` +
        `<blockquote style="margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #cbd5e1;color:#475569">${P}older</p></blockquote>` +
        '</blockquote>',
    );
    expect(text).toBe('> You wrote this\n>\n> - a point\n> > older');
  });

  it('writes HTML the mail sanitizer keeps as it is', () => {
    const { html } = formatReply('**Hi** _there_\n\n- [a](https://example.com)\n3. b\n\n> quoted');
    // The sanitizer only adds its own target and rel to links.
    expect(sanitizeMailHtml(html).replace(' target="_blank" rel="noopener noreferrer nofollow"', '')).toBe(html);
  });

  it('takes time in proportion to hostile input (four times the input, not sixteen times the time)', () => {
    const patterns = ['*', '*a ', '_a ', '[', '[a](', '> ', '**a', '- a\n', '> a\n', '[x](javascript:', `[x](mailto:${'a@'.repeat(1_000)} )`];
    // The fastest of three runs: a busy machine slows runs down, it never speeds one up.
    const timed = (input: string) => {
      let fastest = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        const { html } = formatReply(input);
        expect(html).not.toContain('<script');
        fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e6);
      }
      return fastest;
    };
    expect(formatReply('*'.repeat(100_000)).html).toBe(`${P}${'*'.repeat(100_000)}</p>`);
    for (const pattern of patterns) {
      const times = Math.ceil(25_000 / pattern.length);
      const small = timed(pattern.repeat(times));
      const large = timed(pattern.repeat(times * 4));
      expect(large).toBeLessThan(small * 10 + 250);
    }
  });
});
