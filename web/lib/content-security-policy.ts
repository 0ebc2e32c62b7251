/**
 * The pages' Content Security Policy. Scripts: Next's own, each carrying this request's nonce, and
 * what they load ('strict-dynamic'); nothing inline that an attacker could inject runs. Styles may be
 * inline: React style attributes and the mail frame's own <style> need it, and styles run no code.
 * The mail frames are `srcdoc` documents, which inherit this policy on top of their own: images may
 * therefore come from anywhere (the frame's own policy holds remote images back until the agent
 * asks for them). Only the chat page may be framed, by any site: the embed script frames it there.
 */
export function contentSecurityPolicy(nonce: string, { frameable }: { frameable: boolean }): string {
  return [
    "default-src 'self'",
    // not words for people: a header value
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameable ? '*' : "'none'"}`,
  ].join('; ');
}

/** Pages other sites may show in a frame: the chat widget's. */
export const isFrameablePage = (pathname: string) => pathname.startsWith('/chat/');
