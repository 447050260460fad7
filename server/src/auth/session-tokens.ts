import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The random token in the session cookie; 256 bits. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the sessions table stores: a keyed hash, so a copy of the database cannot sign anyone in. */
export function sessionTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`session:${token}`).digest('hex');
}

/** The CSRF token bound to one session (signed double-submit cookie). */
export function csrfTokenFor(secret: string, sessionToken: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');
}

export function newAnonymousCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
