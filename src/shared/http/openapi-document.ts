import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBody } from './error-body';

/**
 * The API's OpenAPI document, as `/api/docs` serves it and as the web app's client is generated
 * from. Every operation also answers ErrorBody when it refuses, so a client's error type is real.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Inbox API')
      .setDescription('The HTTP API of Inbox. Errors are {statusCode, error, message}; 422 names the field.')
      .setVersion('1')
      .addCookieAuth('inbox_session')
      .build(),
    { extraModels: [ErrorBody] },
  );
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = operations[method];
      if (!operation) continue;
      operation.responses.default ??= {
        description: 'A refusal or failure',
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
      };
    }
  }
  return document;
}
