import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { Role } from '../auth/roles.js';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { User } from '../users/user.entity.js';
import { seedDemoAdmissions } from './demo-admissions.js';
import { seedDemoFollowUps } from './demo-follow-ups.js';

export const DEMO_PASSWORD = 'infusion-demo';

const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'nurse', displayName: 'Sam Nguyen (RN)', roles: ['nurse'] },
  { username: 'prescriber', displayName: 'Dr Alex Morgan', roles: ['prescriber'] },
  { username: 'auditor', displayName: 'Jordan Lee (audit)', roles: ['auditor'] },
  { username: 'admin', displayName: 'Ward Administrator', roles: ['admin'] },
];

/**
 * Loads demo data into an empty database (demo mode only): one user per role, all with the password
 * infusion-demo, a ward of current admissions and a few hundred past ones. A database that already
 * has users is left alone.
 */
export async function seedDemoDataIfEmpty(url: string, config: AppConfig, log: Logger): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    if ((await dataSource.manager.count(User)) > 0) return;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const audit = new AuditTrail();
    await dataSource.transaction(async (manager) => {
      const ids: Record<string, string> = {};
      for (const demoUser of DEMO_USERS) {
        const user = await manager.save(
          manager.create(User, {
            ...demoUser,
            passwordHash,
            mustChangePassword: false,
            active: true,
            updatedAt: new Date(),
          }),
        );
        await audit.record(manager, {
          actor: null,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          change: { before: null, after: { ...demoUser, active: true, demo: true } },
        });
        ids[demoUser.username] = user.id;
      }
      const admissions = await seedDemoAdmissions(manager, config.wardName, {
        prescriberId: ids.prescriber,
        nurseId: ids.nurse,
      });
      const followUps = await seedDemoFollowUps(
        manager,
        { nurseId: ids.nurse, prescriberId: ids.prescriber },
        config.wardTimeZone,
      );
      await audit.record(manager, {
        actor: null,
        action: 'demo.seeded',
        change: { users: DEMO_USERS.length, ...admissions, ...followUps },
      });
    });
    log.info({ users: DEMO_USERS.map((user) => user.username) }, 'demo data loaded');
  } finally {
    await dataSource.destroy();
  }
}
