import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';

export const SESSION_COOKIE = 'sid';
/** Angular's HttpClient reads this cookie and sends it back as X-XSRF-TOKEN by itself. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

export function setSessionCookies(
  reply: FastifyReply,
  config: AppConfig,
  token: string,
  csrfToken: string,
): void {
  const maxAge = config.sessionLifetimeHours * 3600;
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge,
  });
  setCsrfCookie(reply, config, csrfToken);
}

export function setCsrfCookie(reply: FastifyReply, config: AppConfig, csrfToken: string): void {
  void reply.setCookie(CSRF_COOKIE, csrfToken, {
    httpOnly: false,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}

export function cookieOf(request: FastifyRequest, name: string): string | null {
  const value = request.cookies?.[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
