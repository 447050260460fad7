import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { DomainError, TooManySignInAttempts, ValidationFailed } from '../common/domain-error.js';
import { User } from '../users/user.entity.js';
import { hashForUnknownUser, hashPassword, verifyPassword } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimiter } from './sign-in-limiter.js';
import type { RequestOrigin } from '../common/request-origin.js';

export interface ClientMeta extends RequestOrigin {
  userAgent: string | null;
}

const SIGN_IN_FAILED = 'Username or password is incorrect.';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly limiter: SignInLimiter,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Signs in; answers the same way for an unknown username and a wrong password. Every attempt is
   * audited, refused ones included.
   */
  async signIn(
    usernameAsTyped: string,
    password: string,
    meta: ClientMeta,
  ): Promise<{ user: User; token: string }> {
    const username = usernameAsTyped.trim().toLowerCase();
    try {
      // The failed attempt and its audit row must be committed, so failure is returned, then thrown.
      const outcome = await this.dataSource.transaction(async (manager) => {
        await this.limiter.check(manager, username, meta.clientAddress);
        const user = await manager.findOneBy(User, { username });
        const passwordOk = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), password);
        const succeeded = Boolean(user && user.active && passwordOk);
        await this.limiter.recordAttempt(manager, username, meta.clientAddress, succeeded);
        await this.audit.record(manager, {
          actor: succeeded && user ? actorOf(user) : null,
          origin: meta,
          action: succeeded ? 'auth.sign-in' : 'auth.sign-in-failed',
          entityType: user ? 'user' : undefined,
          entityId: user?.id,
          change: { username },
        });
        return succeeded && user ? { user, token: await this.sessions.open(manager, user.id, meta) } : null;
      });
      if (!outcome) throw new DomainError('sign-in-failed', SIGN_IN_FAILED);
      return outcome;
    } catch (error) {
      if (error instanceof TooManySignInAttempts) await this.auditRefusal(username, error, meta);
      throw error;
    }
  }

  async signOut(actor: Actor, sessionTokenHash: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, sessionTokenHash, 'signed out');
      await this.audit.record(manager, {
        actor,
        action: 'auth.sign-out',
        entityType: 'user',
        entityId: actor.id,
      });
    });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneByOrFail(User, { id: actor.id });
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new ValidationFailed([
          { field: 'currentPassword', messages: ['currentPassword is not your current password'] },
        ]);
      }
      if (currentPassword === newPassword) {
        throw new ValidationFailed([
          { field: 'newPassword', messages: ['newPassword must differ from the current one'] },
        ]);
      }
      await manager.update(
        User,
        { id: user.id },
        {
          passwordHash: await hashPassword(newPassword),
          mustChangePassword: false,
          updatedAt: new Date(),
          version: user.version + 1,
        },
      );
      await this.audit.record(manager, {
        actor,
        action: 'user.password-changed',
        entityType: 'user',
        entityId: user.id,
        change: {
          before: { mustChangePassword: user.mustChangePassword },
          after: { mustChangePassword: false },
        },
      });
    });
  }

  private async auditRefusal(
    username: string,
    error: TooManySignInAttempts,
    origin: RequestOrigin,
  ): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor: null,
        origin,
        action: 'auth.sign-in-refused',
        change: { username, retryAfterSeconds: error.retryAfterSeconds },
      }),
    );
  }
}

export function actorOf(user: Pick<User, 'id' | 'displayName'>): Actor {
  return { id: user.id, displayName: user.displayName };
}
