import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from './api-types';

/** Turns any failed HTTP call into a problem a person can read, whatever the server sent. */
export function toProblem(error: HttpErrorResponse): Problem {
  if (isProblem(error.error)) {
    return error.error;
  }
  if (error.status === 0) {
    return {
      title: 'Cannot reach the server',
      detail: 'Check the network connection and try again.',
    };
  }
  return {
    title: 'Something went wrong',
    status: error.status,
    detail: `The server answered ${error.status}${error.statusText ? ` ${error.statusText}` : ''}.`,
  };
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).title === 'string';
}

/** What to tell the person: the detail when the server gave one, else the title. */
export function problemMessage(problem: Problem): string {
  return problem.detail ?? problem.title;
}

/** Whether the server answered with its problem type `/problems/<code>` (relative or absolute). */
export function hasProblemType(problem: Problem, code: string): boolean {
  return problem.type?.endsWith(`/problems/${code}`) ?? false;
}
