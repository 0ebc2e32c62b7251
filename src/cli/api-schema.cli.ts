// npm run api:generate: writes the web app's API types from the API's OpenAPI document.
// npm run api:check: fails when the committed types no longer match the API (build:web runs it).
//   check --document <file>: against that OpenAPI document (JSON) instead of the app's own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { messageOf } from '../shared/error-message';
import { API_SCHEMA_FILE, apiSchemaSource, apiSchemaStaleness, committedApiSchema, currentOpenApiDocument, projectRoot } from './api-schema';

async function main([mode, option, documentFile]: string[]): Promise<number> {
  if ((mode !== 'generate' && mode !== 'check') || (option !== undefined && (mode !== 'check' || option !== '--document' || !documentFile))) {
    process.stderr.write('Usage: api-schema.cli.js generate | check [--document <openapi.json>]\n');
    return 2;
  }
  const root = projectRoot();
  const document = documentFile ? (JSON.parse(readFileSync(documentFile, 'utf8')) as OpenAPIObject) : await currentOpenApiDocument();
  const generated = await apiSchemaSource(document);
  if (mode === 'generate') {
    writeFileSync(join(root, API_SCHEMA_FILE), generated);
    process.stdout.write(`Wrote ${API_SCHEMA_FILE}\n`);
    return 0;
  }
  const stale = apiSchemaStaleness(committedApiSchema(root), generated);
  if (stale) {
    process.stderr.write(`${stale}\n`);
    return 1;
  }
  process.stdout.write(`${API_SCHEMA_FILE} matches the API.\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`API schema ${process.argv[2] ?? ''} failed: ${messageOf(error)}\n`);
    process.exit(1);
  },
);
