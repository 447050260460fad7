import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';
import type { SignedInUser } from './signed-in-user.js';

export const ROLES_KEY = 'infusion-tracker:roles';
export const PUBLIC_KEY = 'infusion-tracker:public';
export const SIGNED_IN_KEY = 'infusion-tracker:signed-in';
export const SESSION_IN_STATEMENT_KEY = 'infusion-tracker:session-in-statement';

/** Who may call this endpoint. The global guard refuses any endpoint that declares nothing. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, signed in or not (health, app info, sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Any signed-in user, whatever their roles (their own session and password). */
export const SignedIn = () => SetMetadata(SIGNED_IN_KEY, true);

/**
 * The route's one statement checks the session itself (SignedInUser.deferredSessionCheck), so the guard
 * may skip its own query for a session this process checked lately. Only for a route whose service
 * honours the deferred check on every path (ADR 10).
 */
export const SessionCheckedInStatement = () => SetMetadata(SESSION_IN_STATEMENT_KEY, true);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedInUser =>
    context.switchToHttp().getRequest<{ signedInUser: SignedInUser }>().signedInUser,
);
