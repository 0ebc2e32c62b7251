import { UnprocessableEntityException, ValidationPipe, type ValidationError } from '@nestjs/common';

/**
 * DTOs are checked by class-validator; the first broken rule answers 422 and names its field
 * (`email must be an email`), unknown fields are refused rather than silently dropped.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const { field, message, rule } = firstViolation(errors);
      return new UnprocessableEntityException({ message, field, code: 'INPUT.INVALID', ...(rule ? { rule } : {}) });
    },
  });
}

/** The rule a check names (`isEmail` → `is_email`, `whitelistValidation` → `whitelist_validation`), for clients to word it. */
const ruleOf = (constraint: string | undefined) => constraint?.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function firstViolation(errors: ValidationError[], parent = ''): { field: string; message: string; rule?: string } {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      const [constraint, text] = constraints[0];
      const message = text.replace(/^property (\S+) should not exist$/, '$1 is not an accepted field');
      return { field, message: parent ? `${parent}.${message}` : message, rule: ruleOf(constraint) };
    }
    if (error.children?.length) return firstViolation(error.children, field);
  }
  return { field: '', message: 'The request body is invalid' };
}
