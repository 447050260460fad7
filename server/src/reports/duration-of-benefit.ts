import type { SurvivalSubject } from '@infusion-tracker/clinical';
import type { OutcomeRow } from './outcome-report.queries.js';

export const RESPONDER_THRESHOLDS = [30, 50] as const;
export type ResponderThreshold = (typeof RESPONDER_THRESHOLDS)[number];
export const NON_RESPONDER_MODES = ['exclude', 'event-at-zero'] as const;
export type NonResponderMode = (typeof NON_RESPONDER_MODES)[number];

export type ResponseAtDischarge = 'responder' | 'non-responder' | 'unknown';

/** Why an admission's time ends where it does: the event, or the reason it is censored. */
export type DurationReason =
  | 'benefit-ended'
  | 'ongoing-at-last-follow-up'
  | 'no-follow-up-yet'
  | 'lost'
  | 'died'
  | 'withdrew'
  | 'readmitted'
  | 'non-responder';

export interface DurationOfBenefit extends SurvivalSubject {
  why: DurationReason;
}

/**
 * Responder at discharge (IMMPACT): pain at discharge at least `threshold` % below the admission's
 * baseline. Unknown when no pain was recorded at discharge or the baseline was 0 (no reduction to
 * measure): the record says only what someone assessed.
 */
export function responseAtDischarge(
  baselinePain: number,
  painAtDischarge: number | null,
  threshold: ResponderThreshold,
): ResponseAtDischarge {
  if (painAtDischarge === null || baselinePain <= 0) return 'unknown';
  // Integer arithmetic: (baseline − discharge) / baseline ≥ threshold / 100.
  return (baselinePain - painAtDischarge) * 100 >= threshold * baselinePain ? 'responder' : 'non-responder';
}

/**
 * The admission's place on the duration-of-benefit curve, in whole days from the time origin; null
 * when it is not on the curve (a non-responder with non-responders excluded, or response unknown).
 * Event: the first reported end of benefit. Otherwise censored at the last follow-up that said benefit
 * was ongoing, or at discharge when there was none; a terminal event (lost, died, withdrew,
 * readmitted) or a readmission censors there too and names the reason.
 */
export function durationOfBenefit(
  row: OutcomeRow,
  threshold: ResponderThreshold,
  nonResponders: NonResponderMode,
): DurationOfBenefit | null {
  const response = responseAtDischarge(row.baseline_pain, row.pain_at_discharge, threshold);
  if (response === 'unknown') return null;
  if (response === 'non-responder') {
    return nonResponders === 'event-at-zero' ? { time: 0, event: true, why: 'non-responder' } : null;
  }
  if (row.ended_day !== null) return { time: Math.max(0, row.ended_day), event: true, why: 'benefit-ended' };
  const time = Math.max(row.discharge_day, row.last_ongoing_day ?? 0);
  const ended = row.terminal_kind ?? (row.readmitted ? 'readmitted' : null);
  if (ended) return { time, event: false, why: ended };
  return {
    time,
    event: false,
    why: row.last_ongoing_day !== null ? 'ongoing-at-last-follow-up' : 'no-follow-up-yet',
  };
}
