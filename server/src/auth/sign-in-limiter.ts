import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TooManySignInAttempts } from '../common/domain-error.js';
import { SignInAttempt } from './sign-in-attempt.entity.js';

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Refuses sign-in after too many recent failures for one username or one address. The counts live in
 * PostgreSQL, so the limit holds across API processes; an advisory lock per username serialises
 * concurrent attempts at the same account.
 */
@Injectable()
export class SignInLimiter {
  async check(manager: EntityManager, username: string, clientAddress: string | null): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sign-in:${username}`]);
    const [row] = await manager.query(
      `SELECT
         count(*) FILTER (WHERE username = $1)::int AS by_username,
         min(attempted_at) FILTER (WHERE username = $1) AS oldest_by_username,
         count(*) FILTER (WHERE client_address = $2)::int AS by_address,
         min(attempted_at) FILTER (WHERE client_address = $2) AS oldest_by_address,
         now() AS now
       FROM sign_in_attempts
       WHERE NOT succeeded AND attempted_at > now() - make_interval(secs => $3)
         AND (username = $1 OR client_address = $2)`,
      [username, clientAddress, SIGN_IN_WINDOW_SECONDS],
    );
    const limited =
      row.by_username >= MAX_FAILURES_PER_USERNAME
        ? row.oldest_by_username
        : row.by_address >= MAX_FAILURES_PER_ADDRESS
          ? row.oldest_by_address
          : null;
    if (limited) {
      const retryAt = new Date(limited).getTime() + SIGN_IN_WINDOW_SECONDS * 1000;
      throw new TooManySignInAttempts(Math.max(1, Math.ceil((retryAt - new Date(row.now).getTime()) / 1000)));
    }
  }

  async recordAttempt(
    manager: EntityManager,
    username: string,
    clientAddress: string | null,
    succeeded: boolean,
  ): Promise<void> {
    await manager.insert(SignInAttempt, { username, clientAddress, succeeded });
  }
}
