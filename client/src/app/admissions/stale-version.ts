import { HttpErrorResponse } from '@angular/common/http';
import { Admission, StaleVersionProblem } from '../core/api-types';
import { hasProblemType, toProblem } from '../core/problem';

/** The admission as it is now, when a write was refused because someone else changed it first. */
export function currentIfStale(error: unknown): Admission | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const problem = toProblem(error);
  return hasProblemType(problem, 'stale-version') ? ((problem as StaleVersionProblem).current ?? null) : null;
}
