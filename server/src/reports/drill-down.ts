import type { DurationOfBenefit, ResponderThreshold } from './duration-of-benefit.js';
import { responseAtDischarge } from './duration-of-benefit.js';
import type { FollowUpStateRow, OutcomeRow } from './outcome-report.queries.js';

/**
 * Which number of the outcome report a drill-down asks for:
 *   a cohort count: discharged, responders, non-responders, response-unknown, on-curve, events,
 *     censored, lost, died, withdrew, readmitted;
 *   the number-at-risk table at a day: at-risk-<day>, events-by-<day>, censored-by-<day>;
 *   a responder-rate cell: week-<weeks>-<done|missed|lost|cancelled|not-due|not-scheduled|responders30|responders50>.
 */
export const DRILL_DOWN_CELL =
  /^(discharged|responders|non-responders|response-unknown|on-curve|events|censored|lost|died|withdrew|readmitted|(at-risk|events-by|censored-by)-\d{1,4}|week-\d{1,3}-(done|missed|lost|cancelled|not-due|not-scheduled|responders30|responders50))$/;

export type WeekCell =
  'done' | 'missed' | 'lost' | 'cancelled' | 'not-due' | 'not-scheduled' | 'responders30' | 'responders50';

/** The follow-up week a cell is about, or null for a cell of the cohort or the curve. */
export function weekOfCell(cell: string): { weeks: number; what: WeekCell } | null {
  const match = /^week-(\d+)-(.+)$/.exec(cell);
  return match ? { weeks: Number(match[1]), what: match[2] as WeekCell } : null;
}

export interface PlacedRow {
  row: OutcomeRow;
  duration: DurationOfBenefit | null;
}

/** Whether an admission counts in a cohort or curve cell; the same rules as the report's counts. */
export function inCohortCell(
  cell: string,
  { row, duration }: PlacedRow,
  threshold: ResponderThreshold,
): boolean {
  const response = () => responseAtDischarge(row.baseline_pain, row.pain_at_discharge, threshold);
  const byDay = /^(at-risk|events-by|censored-by)-(\d+)$/.exec(cell);
  if (byDay) {
    const day = Number(byDay[2]);
    if (!duration) return false;
    if (byDay[1] === 'at-risk') return duration.time >= day;
    return duration.time <= day && duration.event === (byDay[1] === 'events-by');
  }
  switch (cell) {
    case 'discharged':
      return true;
    case 'responders':
      return response() === 'responder';
    case 'non-responders':
      return response() === 'non-responder';
    case 'response-unknown':
      return response() === 'unknown';
    case 'on-curve':
      return duration !== null;
    case 'events':
      return duration?.event === true;
    case 'censored':
      return duration?.event === false;
    case 'lost':
    case 'died':
    case 'withdrew':
      return row.terminal_kind === cell;
    case 'readmitted':
      return row.terminal_kind === 'readmitted' || (row.readmitted && !row.terminal_kind);
    default:
      return false;
  }
}

/** Whether an admission's follow-up at the cell's week counts in it (responders as in responderRateRows). */
export function inWeekCell(what: WeekCell, state: FollowUpStateRow | undefined): boolean {
  if (what === 'not-scheduled') return state === undefined;
  if (!state) return false;
  if (what === 'responders30' || what === 'responders50') {
    const threshold = what === 'responders30' ? 30 : 50;
    return (
      state.state === 'done' &&
      state.baseline_pain > 0 &&
      state.pain_now !== null &&
      (state.baseline_pain - state.pain_now) * 100 >= threshold * state.baseline_pain
    );
  }
  return state.state === what;
}
