import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppModule } from './app.module';
import type { AppConfig } from './shared/config/app-config';
import { useBoundedBodyParsers } from './shared/http/body-parsers';
import { DomainErrorFilter } from './shared/http/domain-error.filter';
import { forwardedBy } from './shared/http/forwarded.middleware';
import { openApiDocument } from './shared/http/openapi-document';
import { requestId } from './shared/http/request-id.middleware';
import { TrustedProxies } from './shared/http/trusted-proxies';
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
  app.use(forwardedBy(new TrustedProxies(config.trustedProxies)));
  app.use(requestId);
  // The pages get their headers (a CSP with a nonce for Next's inline scripts) from the web app.
  app.use(
    `/${API_PREFIX}`,
    helmet({
      contentSecurityPolicy: { directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null } },
      xFrameOptions: { action: 'deny' },
      // Sent by forwardedBy, on HTTPS only.
      strictTransportSecurity: false,
    }),
  );
  // Relays post the raw message; everything else is JSON.
  useBoundedBodyParsers(app, { mimePath: `/${API_PREFIX}/inbound/mime`, maxMessageBytes: config.maxMessageBytes });
  app.useGlobalFilters(new DomainErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // X-Forwarded-For (sign-in and form rate limits): the web front end calls the API over loopback
  // on the visitor's behalf; beyond it, only the proxies the operator listed.
  app.set('trust proxy', ['loopback', ...config.trustedProxies]);
  app.enableShutdownHooks();

  const document = openApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });
  return app;
}
