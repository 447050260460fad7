import { RISK_TABLE_DAYS, riskTable } from '@infusion-tracker/clinical';
import type { OutcomeCurveResponse, OutcomeReportResponse } from './dto/outcome-report.response.js';
import type { ServiceReportResponse } from './dto/service-report.response.js';

/** One table of a report, as the CSV export writes it: a header and rows of plain cells. */
export interface ReportTable {
  header: string[];
  rows: unknown[][];
}

export const OUTCOME_TABLES = [
  'cohort',
  'curve',
  'risk-table',
  'survival-at',
  'medians',
  'log-rank',
  'responder-rates',
] as const;
export type OutcomeTable = (typeof OUTCOME_TABLES)[number];

export const SERVICE_TABLES = [
  'admissions-per-month',
  'length-of-stay',
  'pauses',
  'side-effects',
  'highest-sedation',
  'safety',
  'follow-ups',
] as const;
export type ServiceTable = (typeof SERVICE_TABLES)[number];

/** The curves a table lists: each group when grouped, otherwise everyone on the curve as "All". */
function curves(report: OutcomeReportResponse): { label: string; curve: OutcomeCurveResponse }[] {
  return report.groups.length
    ? report.groups.map((group) => ({ label: group.label, curve: group }))
    : [{ label: 'All', curve: report.overall }];
}

/** The tables of the outcome report: aggregate figures only, no admission is listed. */
export function outcomeTable(report: OutcomeReportResponse, table: OutcomeTable): ReportTable {
  switch (table) {
    case 'cohort':
      return { header: ['measure', 'admissions'], rows: Object.entries(report.cohort) };
    case 'curve':
      return {
        header: [
          'group',
          'day',
          'at_risk',
          'events',
          'censored',
          'survival',
          'std_err',
          'lower_95',
          'upper_95',
        ],
        rows: curves(report).flatMap(({ label, curve }) =>
          curve.steps.map((s) => [
            label,
            s.time,
            s.atRisk,
            s.events,
            s.censored,
            s.survival,
            s.stdErr,
            s.lower,
            s.upper,
          ]),
        ),
      };
    case 'risk-table':
      return {
        header: ['group', 'day', 'at_risk', 'censored_so_far', 'events_so_far'],
        rows: curves(report).flatMap(({ label, curve }) =>
          riskTable(curve.steps, curve.n, RISK_TABLE_DAYS).map((c) => [
            label,
            c.day,
            c.atRisk,
            c.censored,
            c.events,
          ]),
        ),
      };
    case 'survival-at':
      return {
        header: ['group', 'weeks', 'day', 'survival', 'lower_95', 'upper_95', 'at_risk'],
        rows: curves(report).flatMap(({ label, curve }) =>
          curve.survivalAt.map((s) => [label, s.weeks, s.days, s.survival, s.lower, s.upper, s.atRisk]),
        ),
      };
    case 'medians':
      return {
        header: ['group', 'on_curve', 'events', 'median_days', 'lower_95', 'upper_95', 'follow_up_days'],
        rows: curves(report).map(({ label, curve }) => [
          label,
          curve.n,
          curve.events,
          curve.median.estimate ?? 'not reached',
          curve.median.lower ?? 'not reached',
          curve.median.upper ?? 'not reached',
          curve.followUpDays,
        ]),
      };
    case 'log-rank':
      return {
        header: ['chi_square', 'df', 'p'],
        rows: report.logRank ? [[report.logRank.chiSquare, report.logRank.df, report.logRank.p]] : [],
      };
    case 'responder-rates':
      return {
        header: [
          'week',
          'discharged',
          'done',
          'missed',
          'lost',
          'cancelled',
          'not_due',
          'not_scheduled',
          'responders_30',
          'responders_30_share',
          'responders_30_lower_95',
          'responders_30_upper_95',
          'responders_50',
          'responders_50_share',
          'responders_50_lower_95',
          'responders_50_upper_95',
        ],
        rows: report.responderRates.map((r) => [
          r.week,
          r.discharged,
          r.done,
          r.missed,
          r.lost,
          r.cancelled,
          r.notDue,
          r.notScheduled,
          ...[r.responders30, r.responders50].flatMap((p) => [p.count, p.estimate, p.lower, p.upper]),
        ]),
      };
    default: {
      const unknown: never = table;
      throw new Error(`No outcome table ${String(unknown)}`);
    }
  }
}

/** The tables of the service report: aggregate figures only (pause reasons as entered). */
export function serviceTable(report: ServiceReportResponse, table: ServiceTable): ReportTable {
  const share = (
    label: string,
    p: { count: number; estimate: number | null; lower: number | null; upper: number | null },
    of: number,
  ) => [label, p.count, of, p.estimate, p.lower, p.upper];
  switch (table) {
    case 'admissions-per-month':
      return {
        header: ['month', 'admissions'],
        rows: report.admissionsPerMonth.map((m) => [m.month, m.admissions]),
      };
    case 'length-of-stay': {
      const los = report.lengthOfStay;
      return {
        header: ['discharged', 'median_days', 'q1_days', 'q3_days', 'min_days', 'max_days'],
        rows: [[los.n, los.median, los.q1, los.q3, los.min, los.max]],
      };
    }
    case 'pauses':
      return {
        header: ['reason', 'pauses', 'admissions'],
        rows: report.pauses.reasons.map((r) => [r.reason, r.pauses, r.admissions]),
      };
    case 'side-effects':
      return {
        header: ['side_effect', 'none', 'mild', 'moderate', 'severe', 'not_assessed'],
        rows: report.sideEffects.map((s) => [s.label, s.none, s.mild, s.moderate, s.severe, s.notAssessed]),
      };
    case 'highest-sedation':
      return {
        header: ['highest_poss', 'admissions'],
        rows: report.highestSedation.map((s) => [s.label, s.admissions]),
      };
    case 'safety':
      return {
        header: ['measure', 'count', 'out_of', 'share', 'lower_95', 'upper_95'],
        rows: [
          share('Infusions paused at least once', report.pauses.proportionPaused, report.pauses.infused),
          ['NEWS2 5 or more: episodes', report.news2.episodes, null, null, null, null],
          [
            'Admissions with a NEWS2 5+ episode',
            report.news2.admissions,
            report.admissions.total,
            null,
            null,
            null,
          ],
          [
            'Sets scoring NEWS2 5 or more',
            report.news2.setsFiveOrMore,
            report.news2.completeSets,
            null,
            null,
            null,
          ],
          share('Pump checks with a discrepancy', report.pumpChecks.proportion, report.pumpChecks.checks),
          share(
            'Observation sets on time',
            report.observationsOnTime.proportion,
            report.observationsOnTime.assessed,
          ),
        ],
      };
    case 'follow-ups': {
      const f = report.followUps;
      return {
        header: ['measure', 'count', 'out_of', 'share', 'lower_95', 'upper_95'],
        rows: [
          ['Scheduled', f.scheduled, null, null, null, null],
          ['Not yet due', f.notDue, f.scheduled, null, null, null],
          ['Cancelled (not a terminal event)', f.cancelled, f.scheduled, null, null, null],
          share('Done', f.completion, f.due),
          share('Missed', f.missedRate, f.due),
          share('Lost', f.lostRate, f.due),
          share('Patients lost to follow-up', f.lossRate, f.discharged),
          ['Died', f.died, f.discharged, null, null, null],
          ['Withdrew', f.withdrew, f.discharged, null, null, null],
          ['Readmitted', f.readmitted, f.discharged, null, null, null],
        ],
      };
    }
    default: {
      const unknown: never = table;
      throw new Error(`No service table ${String(unknown)}`);
    }
  }
}
