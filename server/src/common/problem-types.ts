import type { DomainErrorCode } from './domain-error.js';

export interface ProblemType {
  status: number;
  title: string;
}

/** Stable problem types, RFC 9457: `type` is `/problems/<code>`, documented in docs/problems.md. */
export function problemTypeFor(code: DomainErrorCode): ProblemType {
  switch (code) {
    case 'validation-failed':
      return { status: 400, title: 'The request has invalid fields' };
    case 'not-found':
      return { status: 404, title: 'Not found' };
    case 'conflict':
      return { status: 409, title: 'Conflict with the current state' };
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
  409: { code: 'conflict', title: 'Conflict with the current state' },
  413: { code: 'payload-too-large', title: 'Request too large' },
  415: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { code: 'unprocessable', title: 'Unprocessable request' },
  429: { code: 'rate-limited', title: 'Too many requests' },
  503: { code: 'unavailable', title: 'Service unavailable' },
};
