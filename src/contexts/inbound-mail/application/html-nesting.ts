import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { Bounded } from '../domain/mail-bounds';

// The parser under sanitize-html (htmlparser2, its own dependency) keeps its open elements in an
// array it shifts and searches on every tag: its time grows with the depth times the number of
// elements (200,000 nested <div> held it 20 s). Its tokenizer alone is linear, so the depth is
// counted here on the very same tokens, with the parser's own rules for which elements close others.

/** htmlparser2's void elements: they never stay open. */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
/** htmlparser2's implied ends: opening the key closes open elements of these names on top of the stack. */
const CLOSES = new Map<string, ReadonlySet<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], li: ['li'],
    p: P, h1: P, h2: P, h3: P, h4: P, h5: P, h6: P,
    select: FORM, input: FORM, output: FORM, button: FORM, datalist: FORM, textarea: FORM,
    option: ['option'], optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'],
    address: P, article: P, aside: P, blockquote: P, details: P, div: P, dl: P, fieldset: P, figcaption: P, figure: P,
    footer: P, form: P, header: P, hr: P, main: P, nav: P, ol: P, pre: P, section: P, table: P, ul: P,
    rt: ['rt', 'rp'], rp: ['rt', 'rp'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
  }).map(([name, closed]) => [name, new Set(closed)]),
);

/**
 * Leaves out the start tags that would put more than `maxDepth` elements inside each other, and the
 * end tags of those; markup that stays within the depth comes back unchanged. One pass over the
 * tokens, at most `maxDepth` steps per tag. Inside <svg> and <math> the parser also honours `/>`;
 * this count does not, so there it counts deeper than the parser, never shallower.
 */
export function limitHtmlNesting(html: string, maxDepth: number): Bounded {
  const open: string[] = [];
  /** Start tags left out, by name: as many end tags of that name go too. */
  const dropped = new Map<string, number>();
  /** [start, end) of every tag left out, in order. */
  const cuts: Array<[number, number]> = [];
  let pending: { name: string; start: number } | null = null;

  const endOfStartTag = (gt: number) => {
    if (!pending) return;
    const { name, start } = pending;
    pending = null;
    if (VOID.has(name)) return;
    const closes = CLOSES.get(name);
    let remaining = open.length;
    while (closes && remaining > 0 && closes.has(open[remaining - 1])) remaining--;
    if (remaining >= maxDepth) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push([start, gt + 1]);
      return;
    }
    open.length = remaining;
    open.push(name);
  };
  /** Leaves out the end tag whose name runs from `start` to `end` (the tokenizer skips to its `>`). */
  const cutTag = (start: number, end: number) => {
    const gt = html.indexOf('>', end);
    cuts.push([html.lastIndexOf('<', start), gt === -1 ? html.length : gt + 1]);
  };
  const ignore = () => undefined;
  const callbacks: TokenizerCallbacks = {
    onopentagname: (start, end) => {
      pending = { name: html.slice(start, end).toLowerCase(), start: start - 1 };
    },
    onopentagend: endOfStartTag,
    onselfclosingtag: endOfStartTag,
    onclosetag: (start, end) => {
      const name = html.slice(start, end).toLowerCase();
      const waiting = dropped.get(name) ?? 0;
      if (waiting > 0) {
        dropped.set(name, waiting - 1);
        cutTag(start, end);
        return;
      }
      const index = open.lastIndexOf(name);
      if (index !== -1) open.length = index;
      // A stray </p> makes the parser open and close a <p> on top of what is open.
      else if (name === 'p' && open.length >= maxDepth) cutTag(start, end);
    },
    onattribdata: ignore, onattribentity: ignore, onattribend: ignore, onattribname: ignore, oncdata: ignore, oncomment: ignore,
    ondeclaration: ignore, onend: ignore, onprocessinginstruction: ignore, ontext: ignore, ontextentity: ignore,
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  if (cuts.length === 0) return { value: html, cut: false };
  const kept: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    kept.push(html.slice(from, start));
    from = end;
  }
  kept.push(html.slice(from));
  return { value: kept.join(''), cut: true };
}
