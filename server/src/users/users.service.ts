import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { Role } from '../auth/roles.js';
import { SessionsService } from '../auth/sessions.service.js';
import { DomainError, NotFound } from '../common/domain-error.js';
import { User } from './user.entity.js';

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  mustChangePassword?: boolean;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
}

/** Users are never deleted: deactivation keeps them, and their names, in the audit trail. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<User[]> {
    return this.dataSource.manager.find(User, { order: { active: 'DESC', username: 'ASC' } });
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.manager.findOneBy(User, { id });
    if (!user) throw new NotFound('The user');
    return user;
  }

  async create(actor: Actor | null, input: NewUser): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const username = input.username.toLowerCase();
      if (await manager.existsBy(User, { username })) {
        throw new DomainError('username-taken', `The username "${username}" is already in use.`);
      }
      const user = await manager.save(
        manager.create(User, {
          username,
          displayName: input.displayName.trim(),
          roles: input.roles,
          passwordHash,
          mustChangePassword: input.mustChangePassword ?? true,
          active: true,
          updatedAt: new Date(),
        }),
      );
      await this.audit.record(manager, {
        actor,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        change: { before: null, after: auditedFields(user) },
      });
      return user;
    });
  }

  async update(actor: Actor, id: string, changes: UserChanges): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockUser(manager, id);
      const before = auditedFields(user);
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.roles !== undefined) user.roles = changes.roles;
      if (changes.active !== undefined) user.active = changes.active;
      user.updatedAt = new Date();
      const saved = await manager.save(user);
      if (changes.active === false && before.active) {
        await this.sessions.revokeAllFor(manager, id, 'user deactivated');
      }
      await this.audit.record(manager, {
        actor,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        change: { before, after: auditedFields(saved) },
      });
      return saved;
    });
  }

  /** Sets a temporary password, ends the user's sessions and makes them choose a new one. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const user = await lockUser(manager, id);
      await manager.update(
        User,
        { id },
        { passwordHash, mustChangePassword: true, updatedAt: new Date(), version: user.version + 1 },
      );
      await this.sessions.revokeAllFor(manager, id, 'password reset');
      await this.audit.record(manager, {
        actor,
        action: 'user.password-reset',
        entityType: 'user',
        entityId: id,
        change: {
          before: { mustChangePassword: user.mustChangePassword },
          after: { mustChangePassword: true },
        },
      });
    });
  }
}

async function lockUser(manager: EntityManager, id: string): Promise<User> {
  const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!user) throw new NotFound('The user');
  return user;
}

/** What the audit trail keeps of a user: never the password hash. */
function auditedFields(user: User) {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    active: user.active,
    mustChangePassword: user.mustChangePassword,
  };
}
