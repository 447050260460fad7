/**
 * The ways a nurse's session can stop being usable after this process last saw it, as SQL run on the
 * user's id, with the status the guard's full check answers: for the routes whose own statement checks
 * the session (ADR 10), each must answer as the guard would and store or audit nothing.
 */
export const ENDED_SESSIONS: readonly (readonly [what: string, sql: string, status: 401 | 403])[] = [
  [
    'signed out on another process',
    "UPDATE sessions SET revoked_at = now(), revoked_reason = 'sign-out' WHERE user_id = $1",
    401,
  ],
  ['idle for a day', "UPDATE sessions SET last_seen_at = now() - interval '1 day' WHERE user_id = $1", 401],
  [
    'past its lifetime',
    "UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1",
    401,
  ],
  ['its user deactivated', 'UPDATE users SET active = false WHERE id = $1', 401],
  ['its user no longer a nurse', "UPDATE users SET roles = '{auditor}' WHERE id = $1", 403],
  ['its user to change their password', 'UPDATE users SET must_change_password = true WHERE id = $1', 403],
];
