import { HttpException } from '@nestjs/common';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';
import { DomainError } from './domain-error.js';
import { HTTP_PROBLEMS, problemTypeFor } from './problem-types.js';

/** An RFC 9457 problem details body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Turns anything thrown while serving a request into one problem body. */
export function toProblem(error: unknown, log: Pick<Logger, 'error'>): Problem {
  if (error instanceof DomainError) {
    const { status, title } = problemTypeFor(error.code);
    return { type: `/problems/${error.code}`, title, status, detail: error.detail, ...error.extensions };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      type: '/problems/database-unavailable',
      title: 'Database unavailable',
      status: 503,
      detail:
        'The database cannot be reached at the moment. Try again shortly (an observation set sent again with the same Idempotency-Key is stored once).',
    };
  }
  const status = statusOf(error);
  if (status === null || status >= 500) {
    if (status === 503) return httpProblem(503, messageOf(error) ?? 'Try again shortly.');
    log.error({ err: error }, 'unhandled error');
    return {
      type: '/problems/internal-error',
      title: 'Internal error',
      status: 500,
      detail:
        'Something went wrong on the server. It has been logged; quote the request id when reporting it.',
    };
  }
  if (status === 415) return httpProblem(415, 'Send the body as JSON, with Content-Type: application/json.');
  return httpProblem(status, messageOf(error) ?? HTTP_PROBLEMS[status]?.title ?? 'Request failed');
}

function httpProblem(status: number, detail: string): Problem {
  const known = HTTP_PROBLEMS[status] ?? { code: `http-${status}`, title: 'Request failed' };
  return { type: `/problems/${known.code}`, title: known.title, status, detail };
}

function statusOf(error: unknown): number | null {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : null;
}

function messageOf(error: unknown): string | null {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : error.message;
  }
  return error instanceof Error ? error.message : null;
}
