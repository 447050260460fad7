import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  calendarDateIn,
  DEFAULT_FOLLOW_UP_SCHEDULE,
  daysBetween,
  PGIC_WORDING_ID,
  scheduleFollowUps,
  type AttemptResult,
} from '@infusion-tracker/clinical';
import { Admission } from '../admissions/admission.entity.js';
import { FollowUpAttempt } from '../follow-ups/follow-up-attempt.entity.js';
import { FollowUpCancellation } from '../follow-ups/follow-up-cancellation.entity.js';
import { FollowUpOutcome } from '../follow-ups/follow-up-outcome.entity.js';
import { FollowUpTerminalEvent } from '../follow-ups/follow-up-terminal-event.entity.js';
import { FollowUp } from '../follow-ups/follow-up.entity.js';
import { between, pick, seededRandom } from './demo-random.js';

interface Actors {
  nurseId: string;
  prescriberId: string;
}

type Ending = { kind: 'lost' | 'died' | 'readmitted'; on: string; reason: string } | null;

const TERMINAL_WORDS = {
  lost: 'Lost to follow-up',
  died: 'Patient died',
  readmitted: 'Readmitted for another infusion',
} as const;

/**
 * Follow-up histories for the demo's past stays (issue 9), as the service would have recorded them:
 * the default schedule from each local discharge day; responders and not, benefit lasting from days to
 * beyond 26 weeks; about 1 in 12 follow-ups missed after three failed calls, about 1 in 25 patients lost
 * to follow-up, one death, and the one patient readmitted (demo-admissions) whose first stay's follow-up
 * ends at the second admission. Follow-ups whose window is open or recently closed are left for the
 * worklist (some with a failed call), so it shows patients due today, overdue and upcoming.
 * Its own random stream, so the rest of the demo data is unchanged.
 */
export async function seedDemoFollowUps(
  manager: EntityManager,
  actors: Actors,
  timeZone: string,
  now = new Date(),
): Promise<{ followUps: number; outcomes: number; attempts: number; terminalEvents: number }> {
  const random = seededRandom(20260909);
  const today = calendarDateIn(now, timeZone);
  const past = await manager.find(Admission, {
    where: { status: 'discharged' },
    order: { dischargedAt: 'ASC' },
  });
  const followUps: FollowUp[] = [];
  const attempts: FollowUpAttempt[] = [];
  const outcomes: FollowUpOutcome[] = [];
  const cancellations: FollowUpCancellation[] = [];
  const endings: FollowUpTerminalEvent[] = [];
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const attempt = (followUp: FollowUp, date: string, result: AttemptResult, note: string | null = null) =>
    attempts.push(
      Object.assign(new FollowUpAttempt(), {
        id: randomUUID(),
        followUpId: followUp.id,
        method: 'phone',
        at: at(date, between(random, 0, 6)),
        result,
        note,
        recordedBy: actors.nurseId,
      }),
    );

  const stays = (patientId: string) => past.filter((stay) => stay.patientId === patientId).length;
  const died = past.find(
    (stay) =>
      daysBetween(calendarDateIn(stay.dischargedAt!, timeZone), today) > 200 &&
      stays(stay.patientId) === 1 &&
      random() < 0.05,
  );
  for (const stay of past) {
    const dischargedOn = calendarDateIn(stay.dischargedAt!, timeZone);
    const later = past.find(
      (other) => other.patientId === stay.patientId && other.admittedAt > stay.dischargedAt!,
    );
    let ending: Ending = null;
    if (later) {
      ending = {
        kind: 'readmitted',
        on: calendarDateIn(later.admittedAt, timeZone),
        reason: 'Admitted for a second infusion',
      };
    } else if (stay === died) {
      ending = {
        kind: 'died',
        on: addDays(dischargedOn, 70),
        reason: 'Died of an unrelated cause; letter from the GP',
      };
    } else if (random() < 0.04) {
      ending = {
        kind: 'lost',
        on: addDays(dischargedOn, between(random, 20, 120)),
        reason: 'No answer on any number; letter returned',
      };
    }
    if (ending && daysBetween(ending.on, today) < 0) ending = null;
    // Benefit: about 1 in 4 does not respond (days at most); the others for weeks, some beyond 26.
    const responder = random() >= 0.25;
    const benefitDays = responder ? between(random, 14, 240) : between(random, 0, 6);
    const benefitEnd = addDays(dischargedOn, benefitDays);
    const painAtDischarge = stay.painAtDischarge ?? 4;
    const event = ending
      ? Object.assign(new FollowUpTerminalEvent(), {
          id: randomUUID(),
          admissionId: stay.id,
          kind: ending.kind,
          on: ending.on,
          reason: ending.reason,
          recordedBy: ending.kind === 'readmitted' ? actors.prescriberId : actors.nurseId,
          enteredInErrorBy: null,
          enteredInErrorAt: null,
          enteredInErrorReason: null,
        })
      : null;
    if (event) endings.push(event);
    let endedReported: { on: string; approximate: boolean } | null = null;
    for (const item of scheduleFollowUps(dischargedOn, DEFAULT_FOLLOW_UP_SCHEDULE)) {
      const followUp = Object.assign(new FollowUp(), {
        id: randomUUID(),
        admissionId: stay.id,
        kind: 'scheduled',
        weeks: item.weeks,
        scheduleVersion: 1,
        failedAttemptLimit: 3,
        dueOn: item.dueOn,
        windowStart: item.windowStart,
        windowEnd: item.windowEnd,
        reason: null,
        settled: null as FollowUp['settled'],
        reopensFollowUpId: null,
        createdBy: actors.prescriberId,
      });
      followUps.push(followUp);
      if (event && daysBetween(event.on, item.windowEnd) >= 0) {
        followUp.settled = 'cancelled';
        cancellations.push(
          Object.assign(new FollowUpCancellation(), {
            followUpId: followUp.id,
            reason: `${TERMINAL_WORDS[event.kind]}: ${event.reason}`,
            terminalEventId: event.id,
            cancelledBy: event.recordedBy,
          }),
        );
        if (event.kind === 'lost' && daysBetween(item.windowStart, event.on) >= 0) {
          for (let call = 0; call < 2; call += 1)
            attempt(followUp, addDays(item.windowStart, call), 'no-answer');
        }
        continue;
      }
      // Open or recently closed windows are the worklist's: some with a failed call already.
      if (daysBetween(item.windowEnd, today) <= 4 && random() < 0.7) {
        if (daysBetween(item.windowStart, today) > 0 && random() < 0.4) {
          attempt(followUp, addDays(item.windowStart, 0), 'no-answer', 'Rang twice');
        }
        continue;
      }
      if (daysBetween(item.windowStart, today) < 0) continue; // upcoming
      if (random() < 0.08) {
        const results: AttemptResult[] = ['no-answer', 'message-left', 'no-answer'];
        results.forEach((result, call) => attempt(followUp, addDays(item.windowStart, call * 2), result));
        followUp.settled = 'missed';
        continue;
      }
      const assessedOn = addDays(item.dueOn, between(random, -2, 2));
      const when = daysBetween(assessedOn, today) < 0 ? today : assessedOn;
      if (random() < 0.3) attempt(followUp, addDays(when, -1), 'no-answer');
      attempt(followUp, when, 'reached');
      const ongoing = daysBetween(when, benefitEnd) > 0;
      if (!ongoing && !endedReported) endedReported = { on: benefitEnd, approximate: random() < 0.4 };
      const pain = ongoing
        ? Math.max(0, Math.min(10, painAtDischarge + between(random, -1, 1)))
        : Math.min(10, Math.max(painAtDischarge, stay.baselinePain - between(random, 0, 2)));
      outcomes.push(
        Object.assign(new FollowUpOutcome(), {
          id: randomUUID(),
          followUpId: followUp.id,
          admissionId: stay.id,
          assessedOn: when,
          method: pick(random, ['phone', 'phone', 'phone', 'clinic', 'video'] as const),
          painNow: pain,
          painWorstWeek: Math.min(10, pain + between(random, 0, 2)),
          pgic: ongoing ? between(random, 1, 3) : between(random, 4, 5),
          pgicWording: PGIC_WORDING_ID,
          benefitOngoing: ongoing,
          benefitReturned: null,
          benefitEndedOn: ongoing ? null : endedReported!.on,
          benefitEndedOnApproximate: ongoing ? false : endedReported!.approximate,
          medicationChanges: random() < 0.15 ? 'Stopped pregabalin' : null,
          adverseEffects: random() < 0.1 ? 'Vivid dreams for two nights after discharge' : null,
          adverseEffectsGrade: random() < 0.1 ? 'mild' : 'none',
          readmissionPlanned: !ongoing && responder ? random() < 0.5 : null,
          comment: null,
          instruments: [],
          recordedBy: actors.nurseId,
          enteredInErrorBy: null,
          enteredInErrorAt: null,
          enteredInErrorReason: null,
        }),
      );
      followUp.settled = 'done';
    }
  }
  await insertInChunks(manager, FollowUpTerminalEvent, endings);
  await insertInChunks(manager, FollowUp, followUps);
  await insertInChunks(manager, FollowUpAttempt, attempts);
  await insertInChunks(manager, FollowUpOutcome, outcomes);
  await insertInChunks(manager, FollowUpCancellation, cancellations);
  return {
    followUps: followUps.length,
    outcomes: outcomes.length,
    attempts: attempts.length,
    terminalEvents: endings.length,
  };
}

async function insertInChunks<T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: T[],
): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += 500) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(offset, offset + 500) as never)
      .execute();
  }
}
