import type { Role } from './roles.js';

/**
 * The session check the guard left to the route's own statement (recording a set: see ADR 10). The
 * guard knew the session from this process's recent full check, so it did not ask PostgreSQL again;
 * the route's statement acts only if the session is still open and its user still holds one of `roles`,
 * and anything else the route reads or answers first calls `confirm()`, the guard's full check.
 */
export interface DeferredSessionCheck {
  /** Keyed hash of the session token. */
  tokenHash: string;
  /** The roles the route admits; the user must still hold one. */
  roles: Role[];
  /** A session unused this long has ended (the guard's idle timeout). */
  idleTimeoutMinutes: number;
  /** The idle clock is restarted when the session was last seen longer ago than this. */
  touchEverySeconds: number;
  /** The guard's full check: resolves when the session is usable for the route, throws its error if not. */
  confirm(): Promise<void>;
}
