import {
  News2Response,
  ObservationColumns,
  PauseBand,
  Poss,
  RateLine,
  SideEffectGrade,
  SideEffectMark,
  Timeline,
  TimelineFollowUps,
} from '../core/api-types';
import { dateTimeFormat } from '../shared/ward-time-format';

/*
 * The timeline's data shaped for plotting: plain values in, plain arrays out, no chart library. Every
 * number plotted is one somebody recorded or typed; nothing is converted or derived but the position
 * on the time axis (and, after discharge, pain compared with the baseline the prescriber recorded).
 */

/** [time in ms, value, the order that set it] or a gap. */
export type RatePoint = [number, number, string] | null;

/**
 * One order's rate held flat from its effective time to its end (the next order, the stop, the
 * discharge or now): two points per order, joined to the next order by a vertical step, and a gap
 * where one order ended before the next began.
 */
export function rateSteps(line: RateLine, now: number): RatePoint[] {
  const points: RatePoint[] = [];
  let lastEnd: number | null = null;
  for (const segment of line.segments) {
    const from = Date.parse(segment.from);
    const to = segment.to === null ? Math.max(now, from) : Date.parse(segment.to);
    if (lastEnd !== null && from > lastEnd) {
      points.push(null);
    }
    points.push([from, segment.value, segment.orderId], [to, segment.value, segment.orderId]);
    lastEnd = to;
  }
  return points;
}

/**
 * While an order stood but the infusion had not started ([first order, start], or to the discharge or
 * now when it never started), in ms; null when there is no such time. The chart marks it, so an ordered
 * rate is never read as a running one.
 */
export function notStartedSpan(
  timeline: Pick<Timeline, 'admission' | 'orders' | 'events'>,
  now: number,
): [number, number] | null {
  const ordered = timeline.orders
    .filter((order) => order.state !== 'entered-in-error')
    .map((order) => Date.parse(order.effectiveFrom));
  if (ordered.length === 0) {
    return null;
  }
  const from = Math.min(...ordered);
  const start = timeline.events.find((event) => event.type === 'start');
  const discharged = timeline.admission.dischargedAt;
  const to = start ? Date.parse(start.occurredAt) : discharged ? Date.parse(discharged) : now;
  return to > from ? [from, to] : null;
}

/** Pauses as [start, end] in ms; one still running ends now. */
export function pauseSpans(pauses: PauseBand[], now: number): [number, number][] {
  return pauses.map((pause) => [
    Date.parse(pause.from),
    pause.to === null ? Math.max(now, Date.parse(pause.from)) : Date.parse(pause.to),
  ]);
}

type NumericItem = Exclude<keyof ObservationColumns, 'takenAt' | 'setId' | 'sedation' | 'news2Response'>;

/** [time, value] of one item in every current set that recorded it; sets that did not are skipped. */
export function itemPoints(columns: ObservationColumns, item: NumericItem): [number, number][] {
  const values = columns[item];
  const points: [number, number][] = [];
  columns.takenAt.forEach((takenAt, index) => {
    const value = values[index];
    if (value !== null && value !== undefined) {
      points.push([Date.parse(takenAt), value]);
    }
  });
  return points;
}

/** POSS on a 0-4 scale for plotting: S (asleep, easy to rouse) sits at 0 and is labelled S. */
export const POSS_POSITION: Record<Poss, number> = { S: 0, '1': 1, '2': 2, '3': 3, '4': 4 };
export const POSS_AXIS_LABELS = ['S', '1', '2', '3', '4'];

export function sedationPoints(columns: ObservationColumns): [number, number][] {
  const points: [number, number][] = [];
  columns.takenAt.forEach((takenAt, index) => {
    const level = columns.sedation[index];
    if (level !== null && level !== undefined) {
      points.push([Date.parse(takenAt), POSS_POSITION[level]]);
    }
  });
  return points;
}

export type News2Band = News2Response | 'incomplete';

/** Colour AND shape AND label, so the band never rests on colour alone. */
export const NEWS2_MARKS: Record<News2Band, { color: string; symbol: string; words: string }> = {
  low: { color: '#2e7d32', symbol: 'circle', words: 'low' },
  'low-medium': { color: '#8a6d00', symbol: 'triangle', words: 'low-medium (a 3 in one parameter)' },
  medium: { color: '#c25400', symbol: 'diamond', words: 'medium' },
  high: { color: '#b3261e', symbol: 'rect', words: 'high' },
  incomplete: { color: '#5f6368', symbol: 'emptyCircle', words: 'incomplete: not scored' },
};

export interface News2Mark {
  at: number;
  /** Where it sits on the axis: an incomplete set sits at 0, labelled "?", never as a score of 0. */
  position: number;
  label: string;
  band: News2Band;
}

export function news2Marks(columns: ObservationColumns): News2Mark[] {
  return columns.takenAt.map((takenAt, index) => {
    const total = columns.news2Total[index];
    const response = columns.news2Response[index];
    const complete = total !== null && response !== null;
    return {
      at: Date.parse(takenAt),
      position: complete ? total : 0,
      label: complete ? String(total) : '?',
      band: complete ? response : 'incomplete',
    };
  });
}

export const GRADE_MARKS: Record<
  Exclude<SideEffectGrade, 'none'>,
  { symbol: string; size: number; color: string }
> = {
  mild: { symbol: 'circle', size: 7, color: '#6a8caf' },
  moderate: { symbol: 'triangle', size: 11, color: '#c25400' },
  severe: { symbol: 'rect', size: 14, color: '#b3261e' },
};

/** The side effects that occurred, in the chart's order, each with its graded marks. */
export function sideEffectLanes(
  marks: SideEffectMark[],
  order: readonly string[],
): { effects: string[]; points: { at: number; effect: string; grade: SideEffectMark['grade'] }[] } {
  const present = new Set<string>(marks.map((mark) => mark.effect));
  const effects = order.filter((effect) => present.has(effect));
  return {
    effects,
    points: marks.map((mark) => ({ at: Date.parse(mark.at), effect: mark.effect, grade: mark.grade })),
  };
}

/** The time axis of the stay: admission to discharge, or to now while the patient is on the ward. */
export function stayRange(
  timeline: Pick<Timeline, 'admission' | 'generatedAt'>,
  now: number,
): [number, number] {
  const start = Date.parse(timeline.admission.admittedAt);
  const end = timeline.admission.dischargedAt ? Date.parse(timeline.admission.dischargedAt) : now;
  return [start, Math.max(end, start + 3600_000)];
}

/** Whether "now" belongs on the chart: only while the stay is current. */
export function isCurrentStay(status: Timeline['admission']['status']): boolean {
  return (
    status === 'admitted' || status === 'infusing' || status === 'paused' || status === 'infusion-stopped'
  );
}

const DAY_MS = 86_400_000;

/** Whole days between two calendar dates (YYYY-MM-DD), DST-proof. */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
}

export interface FollowUpPlot {
  baseline: number;
  /** Pain at or below this is a reduction of at least 30 % from baseline (IMMPACT). */
  moderateThreshold: number;
  /** At or below this, at least 50 %. */
  substantialThreshold: number;
  points: { weeks: number; pain: number; label: string; benefitOngoing: boolean }[];
  atDischarge: number | null;
  benefitEndedWeeks: number | null;
  maxWeeks: number;
}

/**
 * Follow-up pain on a weeks-since-discharge axis against the baseline. `dischargeDate` is the ward's
 * calendar date of discharge; assessments are calendar dates too.
 */
export function followUpPlot(
  followUps: TimelineFollowUps,
  dischargeDate: string | null,
): FollowUpPlot | null {
  const assessed = followUps.items.filter((item) => item.outcome !== null);
  if (dischargeDate === null || assessed.length === 0) {
    return null;
  }
  const weeksOf = (date: string) => Math.round((daysBetween(dischargeDate, date) / 7) * 10) / 10;
  const points = assessed.map((item) => ({
    weeks: weeksOf(item.outcome!.assessedOn),
    pain: item.outcome!.painNow,
    label: item.label,
    benefitOngoing: item.outcome!.benefitOngoing,
  }));
  const benefitEndedWeeks = followUps.benefitEndedOn ? weeksOf(followUps.benefitEndedOn) : null;
  return {
    baseline: followUps.baselinePain,
    moderateThreshold: followUps.baselinePain * 0.7,
    substantialThreshold: followUps.baselinePain * 0.5,
    points,
    atDischarge: followUps.painAtDischarge,
    benefitEndedWeeks,
    maxWeeks: Math.max(
      4,
      ...points.map((point) => Math.ceil(point.weeks)),
      Math.ceil(benefitEndedWeeks ?? 0),
    ),
  };
}

/** "28 Nov 14:00" in the ward's zone, for the time axis and tooltips. */
export function axisTime(ms: number, timeZone: string): string {
  return dateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}
