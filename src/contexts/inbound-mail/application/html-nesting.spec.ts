import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { limitHtmlNesting } from './html-nesting';

/** The deepest nesting the sanitizer's own parser builds from `html`. */
function parsedDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser({
    onopentag: () => {
      depth += 1;
      deepest = Math.max(deepest, depth);
    },
    onclosetag: () => {
      depth -= 1;
    },
  });
  parser.write(html);
  parser.end();
  return deepest;
}

describe('limitHtmlNesting', () => {
  it('leaves markup within the depth exactly as it is', () => {
    const html = readFileSync(join(__dirname, '../../../../test/fixtures/corpus/mailgun-talon/html_ms_outlook_2010.html'), 'utf8');
    expect(limitHtmlNesting(html, 100)).toEqual({ value: html, cut: false });
    const table = '<table><tr><td>a<td>b<tr><td>c</table><ul><li>one<li>two</ul><p>x<p>y<div><br><img src="cid:a"></div>';
    expect(limitHtmlNesting(table, 4)).toEqual({ value: table, cut: false });
  });

  it('leaves out start tags past the depth, and their end tags, keeping the text', () => {
    expect(limitHtmlNesting('<div>a<div>b<div>c<div>d</div></div></div>e</div>f', 2)).toEqual({ value: '<div>a<div>bcd</div>e</div>f', cut: true });
  });

  it('counts elements the way the parser closes them implicitly, and never lets it build deeper', () => {
    const hostile = [
      '<div>'.repeat(5000),
      '<p><div></p>'.repeat(5000),
      '<div x="a>b">'.repeat(5000),
      '<div>'.repeat(500) + '</span>'.repeat(5000),
      '<svg>' + '<g/>'.repeat(5000),
      '<!-- <div> -->' + '<td><table>'.repeat(5000),
    ];
    for (const html of hostile) {
      const limited = limitHtmlNesting(html, 100);
      expect(limited.cut).toBe(true);
      expect(parsedDepth(limited.value)).toBeLessThanOrEqual(100);
    }
  });

  it('ignores what looks like tags inside comments, attribute values and scripts', () => {
    const html = '<!--' + '<div>'.repeat(300) + '--><p title="' + '<div>'.repeat(300) + '">x</p><script>' + '<div>'.repeat(300) + '</script>';
    expect(limitHtmlNesting(html, 10)).toEqual({ value: html, cut: false });
  });

  it('takes time in proportion to the input (a megabyte of nested <div> held the sanitizer 20 s)', () => {
    const started = performance.now();
    const limited = limitHtmlNesting('<div>'.repeat(200_000), 100);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(limited.value).toBe('<div>'.repeat(100));
  });
});
