import { HttpInterceptorFn } from '@angular/common/http';
import { REQUEST, inject } from '@angular/core';

/** What the page's API calls carry of the browser's request, when the server renders the page. */
const BROWSER_HEADERS = ['cookie', 'x-rendered-for'];

/**
 * When the server renders a page (ADR 13), its API calls are made as the person whose browser asked for
 * the page: they carry that browser's cookie, and so its session, and the header with which the API
 * server records the browser's address in the audit trail (x-rendered-for). In the browser there is no
 * such request and nothing changes (the browser sends its own cookie).
 */
export const serverCookieInterceptor: HttpInterceptorFn = (request, next) => {
  const browser = inject(REQUEST, { optional: true })?.headers;
  if (!browser) return next(request);
  const setHeaders = Object.fromEntries(
    BROWSER_HEADERS.flatMap((name) => {
      const value = browser.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  return next(request.clone({ setHeaders }));
};
