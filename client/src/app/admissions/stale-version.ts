import { HttpErrorResponse } from '@angular/common/http';
import type { OutputEmitterRef, WritableSignal } from '@angular/core';
import type { Observable } from 'rxjs';
import { Admission, Problem, StaleVersionProblem } from '../core/api-types';
import { hasProblemType, toProblem } from '../core/problem';

/** The admission as it is now, when a write was refused because someone else changed it first. */
export function currentIfStale(error: unknown): Admission | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const problem = toProblem(error);
  return hasProblemType(problem, 'stale-version') ? ((problem as StaleVersionProblem).current ?? null) : null;
}

/** What an admission form shows while it sends a change, and where the outcome goes. */
export interface AdmissionChangeForm {
  saving: WritableSignal<boolean>;
  problem: WritableSignal<Problem | null>;
  saved: OutputEmitterRef<Admission>;
  stale: OutputEmitterRef<Admission>;
}

/**
 * Sends one change to an admission from a form: the saved admission on success; on refusal, the
 * current admission when someone else changed it first (never retried), else the problem to show.
 */
export function sendAdmissionChange(form: AdmissionChangeForm, request: Observable<Admission>): void {
  form.saving.set(true);
  form.problem.set(null);
  request.subscribe({
    next: (updated) => form.saved.emit(updated),
    error: (error: HttpErrorResponse) => {
      form.saving.set(false);
      const current = currentIfStale(error);
      if (current) {
        form.stale.emit(current);
      } else {
        form.problem.set(toProblem(error));
      }
    },
  });
}
