import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks a request whose page shows its own error message (a form showing field errors, say), so
 * the global error banner stays quiet. A 401 still sends the person to sign in.
 */
export const PAGE_HANDLES_ERRORS = new HttpContextToken<boolean>(() => false);

export function pageHandlesErrors(): HttpContext {
  return new HttpContext().set(PAGE_HANDLES_ERRORS, true);
}
