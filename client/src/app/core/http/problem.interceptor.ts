import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthState } from '../auth/auth-state';
import { toProblem } from '../problem';
import { ErrorNotice } from './error-notice';
import { PAGE_HANDLES_ERRORS } from './page-handles-errors';

// A 401 from these calls is their answer ("nobody signed in", "wrong password"), not an expired session.
const SESSION_CALLS = ['/api/auth/me', '/api/auth/login', '/api/auth/logout'];

/**
 * An expired session (401) sends the person to sign in and back to where they were afterwards;
 * any other error the page does not handle itself is shown in the error banner. The error is
 * always passed on, so the caller can still react to it.
 */
export const problemInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthState);
  const router = inject(Router);
  const notice = inject(ErrorNotice);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) {
        return throwError(() => error);
      }
      if (error.status === 401) {
        if (!isSessionCall(request)) {
          auth.clear();
          const returnUrl = router.url;
          if (!returnUrl.startsWith('/sign-in')) {
            void router.navigate(['/sign-in'], { queryParams: { returnUrl, reason: 'expired' } });
          }
        }
      } else if (!request.context.get(PAGE_HANDLES_ERRORS)) {
        notice.show(toProblem(error));
      }
      return throwError(() => error);
    }),
  );
};

function isSessionCall(request: HttpRequest<unknown>): boolean {
  const path = request.url.split('?')[0];
  return SESSION_CALLS.includes(path);
}
