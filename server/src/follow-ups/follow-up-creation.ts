import type { EntityManager } from 'typeorm';
import { calendarDateIn, scheduleFollowUps } from '@infusion-tracker/clinical';
import type { Admission } from '../admissions/admission.entity.js';
import { FollowUp } from './follow-up.entity.js';
import { FollowUpScheduleVersion } from './follow-up-schedule-version.entity.js';

/** The schedule in force: the highest version (the migration seeds version 1). */
export async function currentScheduleVersion(manager: EntityManager): Promise<FollowUpScheduleVersion> {
  const [current] = await manager.find(FollowUpScheduleVersion, { order: { version: 'DESC' }, take: 1 });
  return current;
}

/**
 * Creates an admission's follow-ups from the schedule in force, dated from the local calendar date of
 * the discharge in the ward's time zone (a discharge at 23:30 local counts as that day). Called inside
 * the discharge's transaction, so a discharge never exists without its follow-ups.
 */
export async function createScheduledFollowUps(
  manager: EntityManager,
  admission: Admission,
  createdBy: string,
  timeZone: string,
): Promise<FollowUp[]> {
  const schedule = await currentScheduleVersion(manager);
  const dischargedOn = calendarDateIn(admission.dischargedAt!, timeZone);
  const rows = scheduleFollowUps(dischargedOn, schedule).map((item) =>
    manager.create(FollowUp, {
      admissionId: admission.id,
      kind: 'scheduled',
      weeks: item.weeks,
      scheduleVersion: schedule.version,
      failedAttemptLimit: schedule.failedAttemptLimit,
      dueOn: item.dueOn,
      windowStart: item.windowStart,
      windowEnd: item.windowEnd,
      reason: null,
      settled: null,
      createdBy,
    }),
  );
  await manager.insert(FollowUp, rows);
  return rows;
}
