/**
 * What kind of failure a business rule reports; the HTTP edge maps each kind to one status.
 * `invalid`: input breaks a rule (422); `conflict`: the state forbids it (409); `not_found`: absent
 * or another account's (404); `forbidden`: the role may not (403); `unauthenticated`: no session (401);
 * `too_many_requests`: slow down (429).
 */
export type DomainErrorKind = 'invalid' | 'conflict' | 'not_found' | 'forbidden' | 'unauthenticated' | 'too_many_requests';

/** An expected business failure with a stable code, such as `CHANNEL.ADDRESS_TAKEN`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field the rule is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** What the answer carries beside `{statusCode, error, message, code, field}`, for a failure that must show more. */
  details(): Record<string, unknown> | undefined {
    return undefined;
  }
}

/**
 * Which rule an input broke, and the values its sentence needs (`{ rule: 'too_long', max: 100 }`):
 * the answer carries them beside the code, so a client words the refusal in its user's language.
 */
export type InputRule = { rule: string } & Record<string, string | number>;

export class InvalidInput extends DomainError {
  constructor(
    field: string,
    message: string,
    code = 'INPUT.INVALID',
    readonly rule?: InputRule,
  ) {
    super(code, 'invalid', message, field);
  }

  override details(): Record<string, unknown> | undefined {
    return this.rule;
  }
}

export class NotFound extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, 'not_found', `${what} not found`);
  }
}

/** The caller is over a rate limit; the HTTP answer carries Retry-After. */
export class TooManyRequests extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, 'too_many_requests', message);
  }
}

/** Two writers raced and this one lost after its retries: the caller may try again. */
export class ConcurrentModification extends DomainError {
  constructor(streamId: string) {
    super('EVENT_STORE.CONCURRENT_MODIFICATION', 'conflict', `${streamId} was changed concurrently; try again`);
  }
}
