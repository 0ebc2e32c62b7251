import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isFrameablePage } from '@/lib/content-security-policy';

/**
 * A fresh nonce per page request: Next reads it from the request's Content-Security-Policy header
 * and puts it on every script it renders, and the browser gets the same policy.
 */
export function proxy(request: NextRequest): NextResponse {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const policy = contentSecurityPolicy(nonce, { frameable: isFrameablePage(request.nextUrl.pathname) });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Pages only: the API has its own headers, and built files and the embed script run no inline code.
  matcher: ['/((?!api/|api$|_next/static/|_next/image|favicon.ico|chat-embed.js).*)'],
};
