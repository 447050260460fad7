/**
 * Every domain error code the API can answer with. Adding one here without mapping it in
 * problem-types.ts fails to compile, so no error ships unmapped.
 */
export type DomainErrorCode = 'validation-failed' | 'not-found' | 'conflict';

/** Thrown by services; turned into application/problem+json once, by the problem details filter. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

export class ValidationFailed extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('validation-failed', `${errors.map((error) => error.field).join(', ')}: invalid input.`, {
      errors,
    });
  }
}
