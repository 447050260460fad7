import type { News2Response } from './news2.js';
import type { Poss } from './observation-flags.js';
import type { PartialReason } from './observation-plausibility.js';

export interface ObservationSchedule {
  /** Routine interval between observation sets, minutes (e.g. 240). */
  routineMinutes: number;
  /** Interval after a start, resume or rate change (e.g. 30) ... */
  intensifiedMinutes: number;
  /** ... for this long after it (e.g. 120). */
  intensifiedForMinutes: number;
}

export const DEFAULT_SCHEDULE: ObservationSchedule = {
  routineMinutes: 240,
  intensifiedMinutes: 30,
  intensifiedForMinutes: 120,
};

/**
 * The longest interval each NEWS2 clinical response allows (RCP 2017, chart 2): 0 at least 12-hourly,
 * 1-4 at least 4-6-hourly (we take 4 h), a single 3 or 5-6 at least hourly, 7+ continuous monitoring
 * (we ask for a set every 15 minutes). POSS 3-4 (infusion paused, prescriber called): every 15 minutes.
 */
const RESPONSE_LIMIT_MINUTES: Record<News2Response, number> = {
  low: 240,
  'low-medium': 60,
  medium: 60,
  high: 15,
};
const NEWS2_ZERO_LIMIT_MINUTES = 720;
const UNACCEPTABLE_SEDATION_LIMIT_MINUTES = 15;
/**
 * A set left partial because the patient was asleep and not disturbed is due again this soon, so the
 * missing items are taken when the patient wakes (ADR 6). Other reasons count as a set attempt.
 */
export const ASLEEP_RECHECK_MINUTES = 60;

export interface LastObservation {
  takenAt: Date;
  news2Total: number | null;
  news2Response: News2Response | null;
  sedation: Poss | null;
  /** Why the set has no complete NEWS2, when it has none; null or absent for a complete set. */
  partialReason?: PartialReason | null;
}

export interface DueInput {
  schedule: ObservationSchedule;
  admittedAt: Date;
  /** The latest valid observation set, if any. */
  last: LastObservation | null;
  /** The latest start, resume or rate change (order effective time), if any. */
  lastIntensifyingEventAt: Date | null;
  now: Date;
}

export interface DueState {
  nextDueAt: Date;
  /** Minutes past nextDueAt; 0 when not overdue. */
  overdueMinutes: number;
  intervalMinutes: number;
  reason: 'first-set' | 'after-change' | 'routine' | 'news2' | 'sedation' | 'asleep';
}

/**
 * When the next observation set is due. Intervals are elapsed time, computed on UTC instants, so a
 * daylight-saving change in the ward's zone neither shortens nor stretches them.
 */
export function nextObservationDue(input: DueInput): DueState {
  const { schedule, last, lastIntensifyingEventAt, now } = input;
  const minutes = (ms: number) => ms / 60_000;
  const at = (from: Date, addMinutes: number) => new Date(from.getTime() + addMinutes * 60_000);
  let due: Omit<DueState, 'overdueMinutes'>;

  if (lastIntensifyingEventAt && (!last || lastIntensifyingEventAt > last.takenAt)) {
    due = {
      nextDueAt: at(lastIntensifyingEventAt, schedule.intensifiedMinutes),
      intervalMinutes: schedule.intensifiedMinutes,
      reason: 'after-change',
    };
  } else if (!last) {
    due = { nextDueAt: input.admittedAt, intervalMinutes: 0, reason: 'first-set' };
  } else {
    // The intensified interval applies while the next set would still fall inside the window after
    // the change; the set that closes the window hands over to the routine interval.
    const inIntensifiedWindow =
      lastIntensifyingEventAt !== null &&
      minutes(last.takenAt.getTime() - lastIntensifyingEventAt.getTime()) + schedule.intensifiedMinutes <=
        schedule.intensifiedForMinutes;
    let interval = inIntensifiedWindow ? schedule.intensifiedMinutes : schedule.routineMinutes;
    let reason: DueState['reason'] = inIntensifiedWindow ? 'after-change' : 'routine';
    const news2Limit =
      last.news2Response === null
        ? null
        : last.news2Total === 0
          ? NEWS2_ZERO_LIMIT_MINUTES
          : RESPONSE_LIMIT_MINUTES[last.news2Response];
    if (news2Limit !== null && news2Limit < interval) {
      interval = news2Limit;
      reason = 'news2';
    }
    if (last.partialReason === 'asleep' && ASLEEP_RECHECK_MINUTES < interval) {
      interval = ASLEEP_RECHECK_MINUTES;
      reason = 'asleep';
    }
    if ((last.sedation === '3' || last.sedation === '4') && UNACCEPTABLE_SEDATION_LIMIT_MINUTES < interval) {
      interval = UNACCEPTABLE_SEDATION_LIMIT_MINUTES;
      reason = 'sedation';
    }
    due = { nextDueAt: at(last.takenAt, interval), intervalMinutes: interval, reason };
  }
  return {
    ...due,
    overdueMinutes: Math.max(0, Math.floor(minutes(now.getTime() - due.nextDueAt.getTime()))),
  };
}
