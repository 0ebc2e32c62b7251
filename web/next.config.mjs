import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root holds the single package.json and node_modules the web app builds from.
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  outputFileTracingRoot: root,
  // next-intl finds the language and messages of each request in i18n/request.ts through this
  // alias (what its Next plugin sets up; written here because the build runs from the repository
  // root, where the plugin looks for the file in the wrong place). Relative to this directory.
  turbopack: { root, resolveAlias: { 'next-intl/config': './i18n/request.ts' } },
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // On every page and file; the Content-Security-Policy of pages comes from proxy.ts (a nonce per
  // request), HSTS from the server in front (on HTTPS only).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
