import { HttpInterceptorFn } from '@angular/common/http';
import { REQUEST, inject } from '@angular/core';

/**
 * When the server renders a page (ADR 13), its API calls are made as the person whose browser asked for
 * the page: they carry that browser's cookie, and so its session. In the browser there is no such request
 * and nothing changes (the browser sends its own cookie).
 */
export const serverCookieInterceptor: HttpInterceptorFn = (request, next) => {
  const cookie = inject(REQUEST, { optional: true })?.headers.get('cookie');
  return cookie ? next(request.clone({ setHeaders: { cookie } })) : next(request);
};
