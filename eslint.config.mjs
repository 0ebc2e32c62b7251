import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What a domain/ folder may not import: frameworks, transports, storage. Domain code is plain TypeScript. */
const outsideTheDomain = [
  { group: ['@nestjs/*'], message: 'domain/ is plain TypeScript: no Nest.' },
  { group: ['express', 'express-serve-static-core', 'node:http', 'http', 'node:https', 'https', 'supertest', 'next', 'next/*'], message: 'domain/ knows nothing of HTTP.' },
  { group: ['better-sqlite3', 'kysely', '@eventstore/*', '**/sqlite/*', '**/event-store/*'], message: 'domain/ knows nothing of storage (SQL, the event store).' },
  { group: ['**/http/*', '**/read-models/*', '**/application/*'], message: 'domain/ must not depend on the layers around it.' },
];

/** Contexts use each other only through the other's index.ts (its events, rules and queries). */
const anotherContextsInside = {
  group: ['../../*/domain/*', '../../*/application/*', '../../*/read-models/*', '../../*/http/*', '../../*/smtp/*', '../../*/*.module', '!../../shared/**'],
  message: "Import another context through its index.ts ('../../<context>'), not its insides.",
};

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
    files: ['src/contexts/**/*.ts'],
    ignores: ['src/contexts/**/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [anotherContextsInside] }] },
  },
  {
    files: ['src/**/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...outsideTheDomain, anotherContextsInside] }] },
  },
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
