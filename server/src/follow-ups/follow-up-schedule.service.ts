import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { scheduleProblems } from '@infusion-tracker/clinical';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { ValidationFailed } from '../common/domain-error.js';
import { User } from '../users/user.entity.js';
import type { ScheduleRequest } from './dto/follow-up.requests.js';
import type { FollowUpScheduleResponse, InstrumentResponse } from './dto/follow-up.response.js';
import { currentScheduleVersion } from './follow-up-creation.js';
import { FollowUpScheduleVersion } from './follow-up-schedule-version.entity.js';
import { currentInstruments } from './instrument-catalogue.js';

/** The service's follow-up schedule (admin) and the instruments in force. */
@Injectable()
export class FollowUpScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async current(): Promise<FollowUpScheduleResponse> {
    const manager = this.dataSource.manager;
    return toScheduleResponse(manager, await currentScheduleVersion(manager));
  }

  /** A change is a new version: it applies to discharges from now on, never to existing follow-ups. */
  async change(actor: Actor, input: ScheduleRequest): Promise<FollowUpScheduleResponse> {
    const items = input.items.map((item) => ({ weeks: item.weeks, windowDays: item.windowDays }));
    const problems = scheduleProblems({ items, failedAttemptLimit: input.failedAttemptLimit });
    if (problems.length) throw new ValidationFailed([{ field: 'items', messages: problems }]);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['follow-up-schedule']);
      const previous = await currentScheduleVersion(manager);
      const next = manager.create(FollowUpScheduleVersion, {
        version: previous.version + 1,
        items,
        failedAttemptLimit: input.failedAttemptLimit,
        changedBy: actor.id,
      });
      await manager.insert(FollowUpScheduleVersion, next);
      await this.audit.record(manager, {
        actor,
        action: 'follow-up-schedule.changed',
        entityType: 'follow-up-schedule',
        entityId: String(next.version),
        change: {
          before: {
            version: previous.version,
            items: previous.items,
            failedAttemptLimit: previous.failedAttemptLimit,
          },
          after: { version: next.version, items, failedAttemptLimit: input.failedAttemptLimit },
        },
      });
      return toScheduleResponse(manager, await currentScheduleVersion(manager));
    });
  }

  async instruments(): Promise<InstrumentResponse[]> {
    return (await currentInstruments(this.dataSource.manager)).map((definition) => ({
      code: definition.code,
      version: definition.version,
      title: definition.title,
      placeholder: definition.placeholder,
      recall: definition.recall,
      items: definition.items.map((item) => ({ key: item.key, text: item.text })),
      scale: { ...definition.scale },
      scoring: { rule: definition.scoring.rule, minAnswered: definition.scoring.minAnswered },
    }));
  }
}

async function toScheduleResponse(
  manager: EntityManager,
  version: FollowUpScheduleVersion,
): Promise<FollowUpScheduleResponse> {
  const changedBy = version.changedBy
    ? await manager.findOne(User, {
        where: { id: version.changedBy },
        select: { id: true, displayName: true },
      })
    : null;
  return {
    version: version.version,
    items: version.items.map((item) => ({ weeks: item.weeks, windowDays: item.windowDays })),
    failedAttemptLimit: version.failedAttemptLimit,
    changedAt: version.changedAt.toISOString(),
    changedBy: changedBy ? { id: changedBy.id, displayName: changedBy.displayName } : null,
  };
}
