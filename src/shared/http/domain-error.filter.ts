import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, TooManyRequests, type DomainErrorKind } from '../domain/domain-error';
import { WrongExpectedVersion } from '../event-store/event-store.port';
import { isOutOfSpace } from '../storage/storage-full';
import type { ErrorBody } from './error-body';

const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  conflict: HttpStatus.CONFLICT,
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

/** The one place where failures become HTTP answers of the shape `{statusCode, error, message}`. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (exception instanceof TooManyRequests) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = statusOfKind[exception.kind];
      return {
        statusCode,
        error: reasonPhrase(statusCode),
        message: exception.message,
        code: exception.code,
        ...(exception.field ? { field: exception.field } : {}),
        ...exception.details(),
      };
    }
    if (exception instanceof WrongExpectedVersion) {
      return { statusCode: 409, error: reasonPhrase(409), message: 'The resource was changed concurrently; try again', code: exception.code };
    }
    // A store's StorageFull, or SQLITE_FULL/ENOSPC thrown by a write on this thread.
    if (isOutOfSpace(exception)) {
      return {
        statusCode: HttpStatus.INSUFFICIENT_STORAGE,
        error: reasonPhrase(HttpStatus.INSUFFICIENT_STORAGE),
        message: `The server is out of storage space, so nothing was saved; try again once space has been freed. Cause: ${(exception as Error).message}`,
        code: 'STORAGE.FULL',
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const answer = exception.getResponse();
      const details = typeof answer === 'object' && answer !== null ? (answer as Partial<ErrorBody> & { message?: unknown }) : {};
      const message = Array.isArray(details.message) ? details.message.join('; ') : String(details.message ?? exception.message);
      return {
        statusCode,
        error: reasonPhrase(statusCode),
        message,
        ...(details.code ? { code: details.code } : {}),
        ...(details.field ? { field: details.field } : {}),
        ...(typeof details.rule === 'string' ? { rule: details.rule } : {}),
      };
    }
    const refusal = clientErrorOfBodyParser(exception);
    if (refusal) return { statusCode: refusal.status, error: reasonPhrase(refusal.status), message: refusal.message };
    return { statusCode: 500, error: reasonPhrase(500), message: 'Internal server error' };
  }
}

/**
 * The body parsers refuse a body (too large, too deep, an unknown charset) with an
 * http-errors object marked `expose`: the client's mistake, answered with its status and no stack.
 */
function clientErrorOfBodyParser(exception: unknown): { status: number; message: string } | null {
  if (!(exception instanceof Error)) return null;
  const { status, expose, type, limit } = exception as Error & { status?: unknown; expose?: unknown; type?: unknown; limit?: unknown };
  if (expose !== true || typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499) return null;
  if (type === 'entity.too.large') return { status, message: `The request body is larger than the limit of ${String(limit)} bytes` };
  return { status, message: exception.message };
}

function reasonPhrase(statusCode: number): string {
  const name = HttpStatus[statusCode] as string | undefined;
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
