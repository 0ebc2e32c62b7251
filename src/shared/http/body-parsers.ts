import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, raw, urlencoded } from 'express';
import type { IncomingMessage } from 'node:http';
import { jsonNestsDeeperThan } from './json-depth';

/** Commands, forms and chat lines are small; mail comes through the raw MIME endpoint instead. */
export const JSON_BODY_LIMIT_BYTES = 1_048_576;
/** Far beyond any body this API takes; deeper input would only exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

/** An http-errors shaped refusal: the body parsers pass it on, the error filter answers with it. */
class BodyRefused extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Bounded body parsing: the relay endpoint takes raw MIME up to MAX_MESSAGE_BYTES, every other
 * route JSON (or a plain HTML form post) up to 1 MB and 64 levels deep. Refusals (413, 400) reach
 * the one error filter like any other client error.
 */
export function useBoundedBodyParsers(app: NestExpressApplication, { mimePath, maxMessageBytes }: { mimePath: string; maxMessageBytes: number }): void {
  app.use(mimePath, raw({ type: () => true, limit: maxMessageBytes }));
  app.use(
    json({
      limit: JSON_BODY_LIMIT_BYTES,
      verify: (_req: IncomingMessage, _res: unknown, bytes: Buffer) => {
        if (jsonNestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
          throw new BodyRefused(400, 'entity.too.deep', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
        }
      },
    }),
  );
  app.use(urlencoded({ limit: JSON_BODY_LIMIT_BYTES, extended: true }));
}
