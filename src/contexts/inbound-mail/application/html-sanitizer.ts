import sanitizeHtml from 'sanitize-html';
import { MAIL_CLIENT_CLASSES } from '../domain/mail-client-classes';
import { cutText, MAIL_BOUNDS, type Bounded } from '../domain/mail-bounds';
import { limitHtmlNesting } from './html-nesting';

/**
 * Mail HTML is hostile until proven otherwise. An allowlist keeps what mail needs to read well
 * (tables, line breaks, inline styles without URLs) and drops everything that can run or reach out:
 * scripts, event handlers, javascript:/data: URLs, frames, forms, SVG, CSS expressions. Remote
 * images lose their src (kept in data-remote-src) until the agent allows them.
 */
const SAFE_CSS_VALUE = /^(?!.*(?:url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:|-moz-binding))[#\w\s.,%()'"+\-/!]*$/i;
const styleProperties = [
  'color', 'background-color', 'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'text-align',
  'text-decoration', 'text-indent', 'text-transform', 'vertical-align', 'white-space', 'word-break', 'letter-spacing',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding', 'padding-top', 'padding-right',
  'padding-bottom', 'padding-left', 'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color',
  'border-style', 'border-width', 'border-collapse', 'border-spacing', 'border-radius', 'width', 'height', 'max-width',
  'min-width', 'display', 'list-style-type',
];

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'a', 'abbr', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt',
    'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small',
    'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul',
  ],
  allowedAttributes: {
    '*': ['style', 'align', 'valign', 'dir', 'lang', 'title', 'class', 'width', 'height', 'bgcolor'],
    a: ['href', 'name'],
    img: ['src', 'alt', 'data-remote-src'],
    font: ['color', 'face', 'size'],
    table: ['border', 'cellpadding', 'cellspacing'],
    td: ['colspan', 'rowspan', 'nowrap'],
    th: ['colspan', 'rowspan', 'nowrap', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'type'],
    blockquote: ['type', 'cite'],
  },
  allowedClasses: { '*': [...MAIL_CLIENT_CLASSES] },
  allowedStyles: { '*': Object.fromEntries(styleProperties.map((property) => [property, [SAFE_CSS_VALUE]])) },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'svg', 'math', 'template', 'iframe', 'object'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      if (/^https?:/i.test(src)) {
        const { src: _remote, ...rest } = attribs;
        return { tagName, attribs: { ...rest, 'data-remote-src': src } };
      }
      const { 'data-remote-src': _ignored, ...rest } = attribs;
      return { tagName, attribs: rest };
    },
  },
};
// target and rel are added by the transform; they must survive the attribute filter.
(options.allowedAttributes as Record<string, string[]>).a.push('target', 'rel');

/** Safe HTML; tags nested deeper than `MAIL_BOUNDS.htmlDepth` are left out (their text stays). */
export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(limitHtmlNesting(html, MAIL_BOUNDS.htmlDepth).value, options);
}

/**
 * A mail's HTML body made safe within bounds: cut to `MAIL_BOUNDS.htmlChars` and to
 * `MAIL_BOUNDS.htmlDepth` before the sanitizer sees it, so its time grows with the size of the
 * mail, never faster; `cut` says whether anything was left out.
 */
export function sanitizeBoundedHtml(html: string): Bounded {
  const bounded = boundMailHtml(html);
  return { value: sanitizeHtml(bounded.value, options), cut: bounded.cut };
}

/** A mail's HTML cut to `MAIL_BOUNDS.htmlChars` and to `MAIL_BOUNDS.htmlDepth`: what any HTML parser may be given. */
export function boundMailHtml(html: string): Bounded {
  const sized = cutText(html, MAIL_BOUNDS.htmlChars);
  const nested = limitHtmlNesting(sized.value, MAIL_BOUNDS.htmlDepth);
  return { value: nested.value, cut: sized.cut || nested.cut };
}
