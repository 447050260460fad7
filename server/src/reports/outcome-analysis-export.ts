import { createHmac } from 'node:crypto';
import { csvLine } from '../common/csv.js';
import {
  durationOfBenefit,
  responseAtDischarge,
  type NonResponderMode,
  type ResponderThreshold,
} from './duration-of-benefit.js';
import type { AnalysisRow } from './outcome-report.queries.js';

/**
 * The de-identified study id of an admission: a keyed hash, the same in every export while the
 * server's secret is unchanged, from which neither the admission nor the patient can be recovered
 * without that secret.
 */
export function studyId(admissionId: string, secret: string): string {
  return `S-${createHmac('sha256', secret).update(`study-id:${admissionId}`).digest('hex').slice(0, 12).toUpperCase()}`;
}

const LEADING_COLUMNS = [
  'study_id',
  'ward',
  'indication',
  'drug',
  'baseline_pain',
  'pain_at_discharge',
  'response_at_discharge',
  'days_admission_to_infusion_start',
  'days_admission_to_infusion_stop',
  'days_admission_to_discharge',
  'time_origin',
  'days_admission_to_benefit_end',
] as const;

const TRAILING_COLUMNS = ['on_curve', 'time_days', 'event', 'event_or_censoring'] as const;

/**
 * The header of the per-admission analysis data set: what the report knows of each admission, every
 * time in days (from admission, or from the time origin for the analysis time), never a calendar
 * date, a name, an MRN, a date of birth or a phone number.
 */
export function analysisHeader(weeks: readonly number[]): string {
  return csvLine([
    ...LEADING_COLUMNS,
    ...weeks.flatMap((w) => [
      `week_${w}_status`,
      `week_${w}_pain`,
      `week_${w}_benefit_ongoing`,
      `week_${w}_days_from_admission`,
    ]),
    ...TRAILING_COLUMNS,
  ]);
}

export function analysisLine(
  row: AnalysisRow,
  weeks: readonly number[],
  options: { secret: string; threshold: ResponderThreshold; nonResponders: NonResponderMode },
): string {
  const duration = durationOfBenefit(row, options.threshold, options.nonResponders);
  return csvLine([
    studyId(row.admission_id, options.secret),
    row.ward,
    row.indication,
    row.drug,
    row.baseline_pain,
    row.pain_at_discharge,
    responseAtDischarge(row.baseline_pain, row.pain_at_discharge, options.threshold),
    row.days_to_infusion_start,
    row.days_to_infusion_stop,
    row.days_to_discharge,
    row.origin_is_stop ? 'infusion-stop' : 'discharge',
    row.days_to_benefit_end,
    ...weeks.flatMap((w) => {
      const cell = row.follow_ups?.[String(w)];
      if (!cell) return ['not-scheduled', null, null, null];
      return [
        cell.status,
        cell.painNow,
        cell.benefitOngoing === null ? null : cell.benefitOngoing ? 'yes' : 'no',
        cell.daysFromAdmission,
      ];
    }),
    duration ? 'yes' : 'no',
    duration?.time ?? null,
    duration ? (duration.event ? 1 : 0) : null,
    duration?.why ??
      (responseAtDischarge(row.baseline_pain, row.pain_at_discharge, options.threshold) === 'unknown'
        ? 'response-unknown'
        : 'non-responder'),
  ]);
}
