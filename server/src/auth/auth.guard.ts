import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import { originOf } from '../common/request-origin.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PUBLIC_KEY, ROLES_KEY, SESSION_IN_STATEMENT_KEY, SIGNED_IN_KEY } from './auth.decorators.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, cookieOf, setCsrfCookie } from './auth-cookies.js';
import type { Role } from './roles.js';
import { csrfTokenFor, newAnonymousCsrfToken, sameToken } from './session-tokens.js';
import type { SignedInUser } from './signed-in-user.js';
import {
  type SessionLookup,
  type SessionUser,
  SessionsService,
  TOUCH_EVERY_SECONDS,
} from './sessions.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate in front of every endpoint (registered as APP_GUARD). Deny by default: an endpoint that
 * declares neither @Public(), @SignedIn() nor @Roles(...) is refused to everyone. It also checks the
 * double-submit CSRF token on every state-changing request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    const anySignedIn = this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets) ?? false;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { signedInUser?: SignedInUser }>();
    const reply = http.getResponse<FastifyReply>();

    const token = cookieOf(request, SESSION_COOKIE);
    // A route whose statement checks the session itself may go on what this process saw lately (ADR 10).
    const inStatement = this.reflector.getAllAndOverride<boolean>(SESSION_IN_STATEMENT_KEY, targets) ?? false;
    // A hint that would refuse is not trusted either: the user may have gained the role since.
    const hint = token && inStatement && roles.length > 0 ? this.sessions.hinted(token) : null;
    const hinted = hint && mayUse(hint.user, roles) ? hint : null;
    const lookup: SessionLookup =
      hinted ?? (token ? await this.sessions.resolve(token) : ({ state: 'none' } as const));
    const expectedCsrf =
      lookup.state === 'active' && token ? csrfTokenFor(this.config.sessionSecret, token) : null;
    this.ensureCsrfCookie(request, reply, expectedCsrf);

    if (isPublic) {
      this.checkCsrf(request, null);
      return true;
    }
    if (!anySignedIn && roles.length === 0) {
      throw new DomainError('forbidden', 'This endpoint declares no role, so nobody may use it.');
    }
    const { user, tokenHash } = activeSession(lookup);
    this.checkCsrf(request, expectedCsrf);
    request.signedInUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      mustChangePassword: user.mustChangePassword,
      sessionTokenHash: tokenHash,
      origin: originOf(request),
    };
    if (hinted && token) {
      request.signedInUser.deferredSessionCheck = {
        tokenHash,
        roles,
        idleTimeoutMinutes: this.config.idleTimeoutMinutes,
        touchEverySeconds: TOUCH_EVERY_SECONDS,
        confirm: async () => checkRoles(activeSession(await this.sessions.resolve(token)).user, roles),
      };
    }
    if (!anySignedIn) checkRoles(user, roles);
    return true;
  }

  private ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, expected: string | null): void {
    const current = cookieOf(request, CSRF_COOKIE);
    if (expected ? current !== expected : current === null) {
      setCsrfCookie(reply, this.config, expected ?? newAnonymousCsrfToken());
    }
  }

  /** Double submit: the header must repeat the cookie, and for a session, the session's own token. */
  private checkCsrf(request: FastifyRequest, expected: string | null): void {
    if (SAFE_METHODS.has(request.method)) return;
    const header = request.headers[CSRF_HEADER];
    const cookie = cookieOf(request, CSRF_COOKIE);
    const sent = typeof header === 'string' ? header : null;
    const trusted =
      sent !== null &&
      cookie !== null &&
      sameToken(sent, cookie) &&
      (expected === null || sameToken(sent, expected));
    if (!trusted) {
      throw new DomainError(
        'csrf-rejected',
        'The request lacks a valid X-XSRF-TOKEN header. Reload the page and try again.',
      );
    }
  }
}

/** The session when it is usable; otherwise the error the person sees: signed out or session ended. */
function activeSession(lookup: SessionLookup): SessionLookup & { state: 'active' } {
  if (lookup.state === 'expired')
    throw new DomainError('session-expired', 'Your session has ended. Sign in again.');
  if (lookup.state !== 'active') throw new DomainError('unauthenticated', 'Sign in to continue.');
  return lookup;
}

/** Whether the user may use an endpoint open to `roles` now: holds one and has no password to change. */
function mayUse(user: SessionUser, roles: Role[]): boolean {
  return !user.mustChangePassword && roles.some((role) => user.roles.includes(role));
}

/** Refuses a user who must change their password first, or who holds none of the endpoint's roles. */
function checkRoles(user: SessionUser, roles: Role[]): void {
  if (user.mustChangePassword) {
    throw new DomainError('forbidden', 'Change your password before going on.', {
      mustChangePassword: true,
    });
  }
  if (!roles.some((role) => user.roles.includes(role))) {
    throw new DomainError('forbidden', `This needs one of these roles: ${roles.join(', ')}.`);
  }
}
