import { localDate } from './day-of-stay.js';

/** One entry of the service's follow-up schedule: weeks after the discharge day, ± window in days. */
export interface FollowUpScheduleItem {
  weeks: number;
  windowDays: number;
}

export interface FollowUpScheduleDefinition {
  items: readonly FollowUpScheduleItem[];
  /** Failed contact attempts after which a follow-up counts as missed. */
  failedAttemptLimit: number;
}

/** The default schedule: weeks 1, 2, 4, 8, 12, 26; ±3 days up to week 4, ±7 days after (ADR 4). */
export const DEFAULT_FOLLOW_UP_SCHEDULE: FollowUpScheduleDefinition = {
  items: [
    { weeks: 1, windowDays: 3 },
    { weeks: 2, windowDays: 3 },
    { weeks: 4, windowDays: 3 },
    { weeks: 8, windowDays: 7 },
    { weeks: 12, windowDays: 7 },
    { weeks: 26, windowDays: 7 },
  ],
  failedAttemptLimit: 3,
};

/** Limits of a schedule an admin may set (ADR 4); the database checks the same ranges. */
export const FOLLOW_UP_SCHEDULE_LIMITS = {
  weeks: { min: 1, max: 104 },
  windowDays: { min: 0, max: 28 },
  items: { min: 1, max: 20 },
  failedAttemptLimit: { min: 1, max: 10 },
} as const;

export const CONTACT_METHODS = ['phone', 'clinic', 'video', 'letter'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const ATTEMPT_RESULTS = ['reached', 'no-answer', 'message-left', 'wrong-number', 'declined'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];

/** Results that count towards "missed": every result but reaching the patient. */
export const FAILED_ATTEMPT_RESULTS: readonly AttemptResult[] = [
  'no-answer',
  'message-left',
  'wrong-number',
  'declined',
];

export const FOLLOW_UP_STATUSES = ['upcoming', 'due', 'overdue', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const TERMINAL_EVENT_KINDS = ['lost', 'died', 'withdrew', 'readmitted'] as const;
export type TerminalEventKind = (typeof TERMINAL_EVENT_KINDS)[number];

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (no 31 April, 29 February only in leap years). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The calendar date `days` after (or before, when negative) a calendar date. Pure calendar arithmetic
 * on dates, never on instants, so a daylight-saving change cannot shift a due date by a day.
 */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The local calendar date of an instant in a time zone: a discharge at 23:30 local counts as that day. */
export function calendarDateIn(at: Date, timeZone: string): string {
  return localDate(at, timeZone);
}

export interface FollowUpDates {
  dueOn: string;
  windowStart: string;
  windowEnd: string;
}

/** Due date and window of a follow-up `weeks` after the local discharge date. */
export function followUpDates(dischargedOn: string, weeks: number, windowDays: number): FollowUpDates {
  return windowAround(addDays(dischargedOn, 7 * weeks), windowDays);
}

/** The window of `windowDays` either side of a due date (an extra follow-up has one too). */
export function windowAround(dueOn: string, windowDays: number): FollowUpDates {
  return { dueOn, windowStart: addDays(dueOn, -windowDays), windowEnd: addDays(dueOn, windowDays) };
}

export interface ScheduledFollowUp extends FollowUpDates {
  weeks: number;
  windowDays: number;
}

/** Every follow-up of a schedule for a discharge on the given local date, in schedule order. */
export function scheduleFollowUps(
  dischargedOn: string,
  schedule: Pick<FollowUpScheduleDefinition, 'items'>,
): ScheduledFollowUp[] {
  return schedule.items.map((item) => ({
    weeks: item.weeks,
    windowDays: item.windowDays,
    ...followUpDates(dischargedOn, item.weeks, item.windowDays),
  }));
}

/** What a schedule is wrong about, in words an admin can act on; empty when it is valid. */
export function scheduleProblems(schedule: FollowUpScheduleDefinition): string[] {
  const problems: string[] = [];
  const limits = FOLLOW_UP_SCHEDULE_LIMITS;
  if (schedule.items.length < limits.items.min || schedule.items.length > limits.items.max) {
    problems.push(`a schedule has ${limits.items.min} to ${limits.items.max} follow-ups`);
  }
  schedule.items.forEach((item, index) => {
    if (!Number.isInteger(item.weeks) || item.weeks < limits.weeks.min || item.weeks > limits.weeks.max) {
      problems.push(`weeks must be a whole number from ${limits.weeks.min} to ${limits.weeks.max}`);
    }
    if (
      !Number.isInteger(item.windowDays) ||
      item.windowDays < limits.windowDays.min ||
      item.windowDays > limits.windowDays.max
    ) {
      problems.push(
        `windowDays must be a whole number from ${limits.windowDays.min} to ${limits.windowDays.max}`,
      );
    }
    if (index > 0 && item.weeks <= schedule.items[index - 1].weeks) {
      problems.push('weeks must be strictly increasing');
    }
  });
  const limit = schedule.failedAttemptLimit;
  if (
    !Number.isInteger(limit) ||
    limit < limits.failedAttemptLimit.min ||
    limit > limits.failedAttemptLimit.max
  ) {
    problems.push(
      `failedAttemptLimit must be a whole number from ${limits.failedAttemptLimit.min} to ${limits.failedAttemptLimit.max}`,
    );
  }
  return [...new Set(problems)];
}

export interface FollowUpState extends Pick<FollowUpDates, 'windowStart' | 'windowEnd'> {
  cancelled: boolean;
  /** Has an outcome that is not entered in error. */
  hasCurrentOutcome: boolean;
  failedAttempts: number;
}

/**
 * The status of a follow-up on a local "today" (ADR 4): cancelled, then done, then missed (failed
 * attempts reached the limit), else by the dates: upcoming before the window, due in it, overdue after.
 */
export function followUpStatus(
  state: FollowUpState,
  today: string,
  failedAttemptLimit: number,
): FollowUpStatus {
  if (state.cancelled) return 'cancelled';
  if (state.hasCurrentOutcome) return 'done';
  if (state.failedAttempts >= failedAttemptLimit) return 'missed';
  if (daysBetween(today, state.windowStart) > 0) return 'upcoming';
  if (daysBetween(state.windowEnd, today) > 0) return 'overdue';
  return 'due';
}

/** "Week 4" for a scheduled follow-up, "Extra" for one a prescriber added. */
export function followUpLabel(weeks: number | null): string {
  return weeks === null ? 'Extra' : `Week ${weeks}`;
}
