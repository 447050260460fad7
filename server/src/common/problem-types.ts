import type { DomainErrorCode } from './domain-error.js';

export interface ProblemType {
  status: number;
  title: string;
}

/** Stable problem types, RFC 9457: `type` is `/problems/<code>`, listed in docs/problems.md. */
export function problemTypeFor(code: DomainErrorCode): ProblemType {
  switch (code) {
    case 'validation-failed':
      return { status: 400, title: 'The request has invalid fields' };
    case 'not-found':
      return { status: 404, title: 'Not found' };
    case 'conflict':
      return { status: 409, title: 'Conflict with the current state' };
    case 'stale-version':
      return { status: 409, title: 'Changed by someone else' };
    case 'unauthenticated':
      return { status: 401, title: 'Sign in required' };
    case 'session-expired':
      return { status: 401, title: 'Session ended' };
    case 'forbidden':
      return { status: 403, title: 'Not allowed for your role' };
    case 'csrf-rejected':
      return { status: 403, title: 'Request not trusted' };
    case 'sign-in-failed':
      return { status: 401, title: 'Sign-in failed' };
    case 'too-many-sign-in-attempts':
      return { status: 429, title: 'Too many sign-in attempts' };
    case 'username-taken':
      return { status: 409, title: 'Username already in use' };
    case 'mrn-taken':
      return { status: 409, title: 'MRN already registered' };
    case 'open-admission-exists':
      return { status: 409, title: 'The patient is already admitted' };
    case 'illegal-transition':
      return { status: 409, title: 'Not possible in the admission’s current status' };
    case 'above-maximum-rate':
      return { status: 409, title: 'Rate above the prescribed maximum' };
    case 'idempotency-key-reused':
      return { status: 422, title: 'Idempotency-Key reused with a different request' };
    case 'follow-up-rule-violated':
      return { status: 422, title: 'Not consistent with the follow-up record' };
    case 'follow-up-closed':
      return { status: 409, title: 'The follow-up takes no more entries' };
    case 'outcome-exists':
      return { status: 409, title: 'The follow-up already has an outcome' };
    case 'terminal-event-exists':
      return { status: 409, title: 'Follow-up of this admission has already ended' };
    // Patient-reported follow-ups (issue 13)
    case 'too-many-requests':
      return { status: 429, title: 'Too many requests' };
    // Bedside safety (issue 12)
    case 'observation-set-rule-violated':
      return { status: 422, title: 'The observation set cannot be recorded as it is' };
    default:
      return unmapped(code);
  }
}

function unmapped(code: never): never {
  throw new Error(`Unmapped domain error code: ${String(code)}`);
}

/** Problem types for plain HTTP failures that do not come from a service. */
export const HTTP_PROBLEMS: Record<number, { code: string; title: string }> = {
  400: { code: 'bad-request', title: 'Bad request' },
  401: { code: 'unauthenticated', title: 'Sign in required' },
  403: { code: 'forbidden', title: 'Not allowed for your role' },
  404: { code: 'not-found', title: 'Not found' },
  405: { code: 'method-not-allowed', title: 'Method not allowed' },
  408: { code: 'request-timeout', title: 'Request took too long' },
  409: { code: 'conflict', title: 'Conflict with the current state' },
  413: { code: 'payload-too-large', title: 'Request too large' },
  414: { code: 'uri-too-long', title: 'URL too long' },
  415: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { code: 'unprocessable', title: 'Unprocessable request' },
  429: { code: 'rate-limited', title: 'Too many requests' },
  431: { code: 'headers-too-large', title: 'Request headers too large' },
  503: { code: 'unavailable', title: 'Service unavailable' },
};
