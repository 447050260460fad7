import type { RequestOrigin } from '../common/request-origin.js';
import type { DeferredSessionCheck } from './deferred-session-check.js';
import type { Role } from './roles.js';

/** The user behind the current request, as the guard found them. */
export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  /** Keyed hash of the session token, to sign out this session. */
  sessionTokenHash: string;
  /** The request being served, for the audit rows written on this user's behalf. */
  origin: RequestOrigin;
  /**
   * Present when the guard did not check the session in PostgreSQL for this request but left it to the
   * route's statement (routes marked @SessionCheckedInStatement()).
   */
  deferredSessionCheck?: DeferredSessionCheck;
}
