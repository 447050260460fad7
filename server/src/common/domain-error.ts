/**
 * Every domain error code the API can answer with. Adding one here without mapping it in
 * problem-types.ts fails to compile, so no error ships unmapped.
 */
export type DomainErrorCode =
  | 'validation-failed'
  | 'not-found'
  | 'conflict'
  | 'stale-version'
  | 'unauthenticated'
  | 'session-expired'
  | 'forbidden'
  | 'csrf-rejected'
  | 'sign-in-failed'
  | 'too-many-sign-in-attempts'
  | 'username-taken'
  | 'mrn-taken'
  | 'open-admission-exists'
  | 'illegal-transition'
  | 'above-maximum-rate'
  | 'idempotency-key-reused'
  // Follow-ups after discharge (issue 9)
  | 'follow-up-rule-violated'
  | 'follow-up-closed'
  | 'outcome-exists'
  | 'terminal-event-exists'
  // Patient-reported follow-ups (issue 13)
  | 'too-many-requests'
  // Bedside safety (issue 12)
  | 'observation-set-rule-violated';

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
    super('validation-failed', `Check ${errors.map((error) => error.field).join(', ')}.`, { errors });
  }
}

/** A follow-up date or consistency rule (ADR 4): 422 with the fields it concerns, nothing stored. */
export class FollowUpRuleViolated extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('follow-up-rule-violated', errors.flatMap((error) => error.messages).join(' '), { errors });
  }
}

/**
 * An observation set that asserts too little or too much (issue 12): no item, an incomplete NEWS2
 * without a reason, an extreme reading not confirmed, scale 2 without a target. 422, nothing stored.
 */
export class ObservationSetRuleViolated extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('observation-set-rule-violated', errors.flatMap((error) => error.messages).join(' '), { errors });
  }
}

export class TooManySignInAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'too-many-sign-in-attempts',
      `Too many failed sign-in attempts. Try again in ${minutes} minute(s).`,
    );
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not-found', `${what} was not found.`);
  }
}
