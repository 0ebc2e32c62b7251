import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './shared/config/app-config';
import { useBoundedBodyParsers } from './shared/http/body-parsers';
import { DomainErrorFilter } from './shared/http/domain-error.filter';
import { requestId } from './shared/http/request-id.middleware';
import { createValidationPipe } from './shared/http/validation.pipe';

export const API_PREFIX = 'api';

/**
 * The API application, configured exactly as production runs it (tests use this too); the web
 * front end is mounted by `main.ts`.
 */
export async function createApiApp(
  config: AppConfig,
  options: { logger?: false; runSubscriptions?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, runSubscriptions: options.runSubscriptions ?? true }),
    { logger: options.logger ?? ['log', 'warn', 'error'], bodyParser: false },
  );
  app.setGlobalPrefix(API_PREFIX);
  app.use(requestId);
  // Relays post the raw message; everything else is JSON.
  useBoundedBodyParsers(app, { mimePath: `/${API_PREFIX}/inbound/mime`, maxMessageBytes: config.maxMessageBytes });
  app.useGlobalFilters(new DomainErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Inbox API')
      .setDescription('The HTTP API of Inbox. Errors are {statusCode, error, message}; 422 names the field.')
      .setVersion('1')
      .addCookieAuth('inbox_session')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });
  return app;
}
