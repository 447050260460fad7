import type { DeferredSessionCheck } from './deferred-session-check.js';

/** Placeholders of the statement's parameters that carry a deferred session check, with their casts. */
export interface SessionCheckParams {
  /** The session's keyed token hash (text); null when the guard checked the session itself. */
  tokenHash: string;
  /** The user the guard took the session to be (uuid): the statement's audit row names them. */
  userId: string;
  /** The roles the route admits (text[]). */
  roles: string;
  /** The guard's idle timeout, in minutes (int). */
  idleMinutes: string;
  /** Restart the idle clock when it was last restarted longer ago than this, in seconds (int). */
  touchSeconds: string;
}

/**
 * Two CTEs by which a route's own statement checks the session the guard left to it (ADR 10), to be
 * listed in its WITH: `session`, one row whose `usable` is true when the session is open, within its
 * lifetime and not idle, and its user is `userId`, active, has no password to change and holds one of the
 * roles (or when no check was left to the statement); and `touched`, which restarts the idle clock as the
 * guard would, skipping a session another request is touching. The statement acts only when
 * `(SELECT usable FROM session)`.
 */
export function sessionCheckCtes(p: SessionCheckParams): string {
  return `session AS (
    SELECT ${p.tokenHash} IS NULL OR EXISTS (
      SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ${p.tokenHash} AND s.user_id = ${p.userId}
        AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(mins => ${p.idleMinutes})
        AND u.active AND NOT u.must_change_password AND u.roles && ${p.roles}
    ) AS usable
  ), touched AS (
    UPDATE sessions SET last_seen_at = now()
    WHERE token_hash = (
      SELECT token_hash FROM sessions
      WHERE token_hash = ${p.tokenHash}
        AND last_seen_at < now() - make_interval(secs => ${p.touchSeconds})
      FOR UPDATE SKIP LOCKED
    ) AND (SELECT usable FROM session)
  )`;
}

/** The values of a deferred session check's parameters, in SessionCheckParams order less the user. */
export function sessionCheckValues(
  session: DeferredSessionCheck | null,
): [tokenHash: string | null, roles: string[], idleMinutes: number, touchSeconds: number] {
  return [
    session?.tokenHash ?? null,
    session?.roles ?? [],
    session?.idleTimeoutMinutes ?? 0,
    session?.touchEverySeconds ?? 0,
  ];
}
