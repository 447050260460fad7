import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { User } from '../users/user.entity.js';
import { Session } from './session.entity.js';
import { newSessionToken, sessionTokenHash } from './session-tokens.js';
import { preparedQuery } from '../database/prepared-query.js';
import { RecentHints } from '../common/recent-hints.js';

export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'roles' | 'mustChangePassword'>;

/** Sessions seen within this many seconds are not written again (idle timeout is in minutes). */
export const TOUCH_EVERY_SECONDS = 15;

export type SessionLookup =
  { state: 'active'; user: SessionUser; tokenHash: string } | { state: 'expired' } | { state: 'none' };

@Injectable()
export class SessionsService {
  /** The users of sessions this process found usable lately, by token hash (see `hinted`). */
  private readonly hints = new RecentHints<SessionUser>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
  ) {}

  /** Opens a session inside the caller's transaction; returns the token for the cookie. */
  async open(
    manager: EntityManager,
    userId: string,
    meta: { clientAddress: string | null; userAgent: string | null },
  ): Promise<string> {
    const token = newSessionToken();
    const now = new Date();
    await manager.insert(Session, {
      tokenHash: sessionTokenHash(this.config.sessionSecret, token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionLifetimeHours * 3600_000),
      clientAddress: meta.clientAddress,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /**
   * The session for a cookie token if it is open, within its absolute lifetime and not idle for too
   * long, and its user is active. One query; a second, to restart the idle clock, at most every
   * TOUCH_EVERY_SECONDS.
   */
  async resolve(token: string): Promise<SessionLookup> {
    const tokenHash = sessionTokenHash(this.config.sessionSecret, token);
    const [row] = await preparedQuery<Record<string, never>>(
      this.sessions.manager,
      'resolve-session',
      `SELECT u.id, u.username, u.display_name, u.roles, u.must_change_password,
              s.revoked_at IS NULL AND s.expires_at > now() AND u.active
                AND s.last_seen_at > now() - make_interval(mins => $2) AS usable,
              s.last_seen_at < now() - make_interval(secs => $3) AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1`,
      [tokenHash, this.config.idleTimeoutMinutes, TOUCH_EVERY_SECONDS],
    );
    if (!row?.usable) {
      this.hints.forget(tokenHash);
      return row ? { state: 'expired' } : { state: 'none' };
    }
    if (row.stale) await this.touch(tokenHash);
    const user = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      mustChangePassword: row.must_change_password,
    };
    this.hints.remember(tokenHash, user);
    return { state: 'active', user, tokenHash };
  }

  /**
   * The session as this process last found it usable, without asking PostgreSQL: only for a route whose
   * statement checks the session itself (DeferredSessionCheck). Null when this process has not seen it
   * usable lately.
   */
  hinted(token: string): (SessionLookup & { state: 'active' }) | null {
    const tokenHash = sessionTokenHash(this.config.sessionSecret, token);
    const user = this.hints.get(tokenHash);
    return user ? { state: 'active', user, tokenHash } : null;
  }

  /**
   * Restarts the idle clock. Requests arriving together all find the session stale: one touches it, the
   * others skip the locked row rather than queue behind each other's commits.
   */
  private async touch(tokenHash: string): Promise<void> {
    await preparedQuery(
      this.sessions.manager,
      'touch-session',
      `UPDATE sessions SET last_seen_at = now()
       WHERE token_hash = (SELECT token_hash FROM sessions WHERE token_hash = $1 FOR UPDATE SKIP LOCKED)`,
      [tokenHash],
    );
  }

  async revoke(manager: EntityManager, tokenHash: string, reason: string): Promise<void> {
    this.hints.forget(tokenHash);
    await manager.update(
      Session,
      { tokenHash, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  /** Ends every open session of a user (deactivation, password reset). */
  async revokeAllFor(manager: EntityManager, userId: string, reason: string): Promise<void> {
    this.hints.forgetWhere((user) => user.id === userId);
    await manager.query(
      'UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL',
      [userId, reason],
    );
  }
}
