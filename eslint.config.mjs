import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What a domain/ folder may not import: frameworks, transports, storage. Domain code is plain TypeScript. */
const outsideTheDomain = [
  { group: ['@nestjs/*'], message: 'domain/ is plain TypeScript: no Nest.' },
  { group: ['express', 'express-serve-static-core', 'node:http', 'http', 'node:https', 'https', 'supertest', 'next', 'next/*'], message: 'domain/ knows nothing of HTTP.' },
  { group: ['better-sqlite3', 'kysely', '@eventstore/*', '**/sqlite/*', '**/event-store/*'], message: 'domain/ knows nothing of storage (SQL, the event store).' },
  { group: ['**/http/*', '**/read-models/*', '**/application/*'], message: 'domain/ must not depend on the layers around it.' },
];

const contexts = readdirSync(join(import.meta.dirname, 'src', 'contexts'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * A context uses another only through the other's contract.ts, which imports no module: so no
 * import circle can join two contexts (src/context-boundaries.spec.ts checks the whole graph).
 * Only `<context>.module.ts` may also import another context's module, for DI.
 */
function anotherContextsInside(own, { isModule }) {
  const others = contexts.filter((context) => context !== own).join('|');
  const allowed = isModule ? '(?!contract$|[^/]+\\.module$)' : '(?!contract$)';
  return {
    regex: `^(?:\\.\\./)+(?:${others})(?:$|/${allowed})`,
    message: isModule
      ? "Import another context through its contract ('../<context>/contract'), or its module ('../<context>/<context>.module') for DI."
      : "Import another context through its contract ('../../<context>/contract'); only <context>.module.ts imports another context's module.",
  };
}

/** Per context: its files, its domain/ (which keeps the domain rules too) and its modules. */
const contextBoundaries = contexts.flatMap((context) => [
  {
    files: [`src/contexts/${context}/**/*.ts`],
    ignores: [`src/contexts/${context}/domain/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [anotherContextsInside(context, { isModule: false })] }] },
  },
  {
    files: [`src/contexts/${context}/domain/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...outsideTheDomain, anotherContextsInside(context, { isModule: false })] }] },
  },
  {
    files: [`src/contexts/${context}/*.module.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [anotherContextsInside(context, { isModule: true })] }] },
  },
]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/.next/**', 'web/next-env.d.ts', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: outsideTheDomain }] },
  },
  ...contextBoundaries,
  {
    // Served as is to other sites' pages: browser globals only.
    files: ['web/public/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['scripts/**/*.js', '*.js', '*.mjs', 'web/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
