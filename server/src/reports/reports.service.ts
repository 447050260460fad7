import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { kaplanMeier, kaplanMeierAt, localDate, logRank, wilsonInterval } from '@infusion-tracker/clinical';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ValidationFailed } from '../common/domain-error.js';
import { AuditTrail, type Actor } from '../audit/audit-trail.service.js';
import { analysisHeader, analysisLine, studyId } from './outcome-analysis-export.js';
import { AnswerCache } from './answer-cache.js';
import { inCohortCell, inWeekCell, weekOfCell } from './drill-down.js';
import type { OutcomeDrillDownResponse } from './dto/outcome-drill-down.js';
import type { GroupBy } from './dto/outcome-report.query.js';
import type {
  CohortResponse,
  OutcomeCurveResponse,
  OutcomeDefinitionsResponse,
  OutcomeGroupResponse,
  OutcomeReportResponse,
  ResponderRateResponse,
} from './dto/outcome-report.response.js';
import {
  durationOfBenefit,
  responseAtDischarge,
  type DurationOfBenefit,
  type NonResponderMode,
  type ResponderThreshold,
} from './duration-of-benefit.js';
import { DRUG_LABELS, INDICATION_LABELS } from './outcome-labels.js';
import {
  analysisRows,
  drillDownAdmissionRows,
  followUpStateRows,
  outcomeRows,
  responderRateRows,
  outcomeSourcesVersion,
  scheduledWeeks,
  withoutJit,
  type OutcomeReportFilter,
  type OutcomeRow,
  type ResponderRateRow,
} from './outcome-report.queries.js';

/** The weeks the report reads the curve at (the page's "survival at" table). */
export const SURVIVAL_AT_WEEKS = [4, 8, 12, 26] as const;

/** The most admissions a drill-down lists (its count is always the whole number). */
export const DRILL_DOWN_LIMIT = 500;

/** Admissions per statement of the streamed export: memory stays flat whatever the cohort's size. */
export const EXPORT_BATCH = 500;

export interface OutcomeReportOptions extends OutcomeReportFilter {
  groupBy?: GroupBy;
  threshold?: ResponderThreshold;
  nonResponders?: NonResponderMode;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  private readonly outcomeAnswers = new AnswerCache<OutcomeReportResponse>();

  /**
   * The outcome-duration report: the cohort's counts, the Kaplan-Meier curve of "still benefiting"
   * overall and per group, the log-rank test between groups and the responder rates at each scheduled
   * follow-up week. Two aggregate statements in one repeatable-read snapshot; the statistics are
   * libs/clinical's. The answer is kept and given again while the version of its sources in the
   * snapshot (outcomeSourcesVersion: today and the cohort's generations) is unchanged (ADR 9).
   */
  async outcomes(options: OutcomeReportOptions, now = new Date()): Promise<OutcomeReportResponse> {
    const { groupBy = 'none', threshold = 30, nonResponders = 'exclude', ...filter } = options;
    this.checkRange(filter);
    const timeZone = this.config.wardTimeZone;
    const question = JSON.stringify([
      groupBy,
      threshold,
      nonResponders,
      filter.dischargedFrom ?? null,
      filter.dischargedTo ?? null,
      filter.indication ?? null,
      filter.ward ?? null,
      filter.drug ?? null,
    ]);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await withoutJit(manager);
      const version = `${localDate(now, timeZone)} ${await outcomeSourcesVersion(manager, timeZone, filter)}`;
      return this.outcomeAnswers.get(question, version, async () => {
        const rows = await outcomeRows(manager, timeZone, filter);
        const rates = await responderRateRows(manager, timeZone, filter);
        const placed = rows.map((row) => ({
          row,
          duration: durationOfBenefit(row, threshold, nonResponders),
        }));
        const onCurve = placed.filter(
          (p): p is { row: OutcomeRow; duration: DurationOfBenefit } => !!p.duration,
        );
        const groups = groupBy === 'none' ? [] : this.groups(placed, groupBy);
        const testable = groups.filter((group) => group.subjects.length > 0);
        const test = testable.length >= 2 ? logRank(testable.map((group) => group.subjects)) : null;
        return {
          definitions: this.definitions(threshold, nonResponders, localDate(now, timeZone)),
          cohort: cohortCounts(
            rows,
            onCurve.map((p) => p.duration),
            threshold,
          ),
          overall: curve(onCurve.map((p) => p.duration)),
          groups: groups.map(({ subjects, ...group }) => ({ ...group, ...curve(subjects) })),
          logRank: test,
          responderRates: rates.map((rate) => responderRate(rate, rows.length)),
        };
      });
    });
  }

  /**
   * The per-admission analysis data set as CSV lines, streamed in keyset batches. The export is
   * audited (who, which filters) before the first line leaves.
   */
  async analysisDataSet(actor: Actor, options: OutcomeReportOptions): Promise<AsyncGenerator<string>> {
    const { groupBy: _groupBy, threshold = 30, nonResponders = 'exclude', ...filter } = options;
    this.checkRange(filter);
    const timeZone = this.config.wardTimeZone;
    const weeks = await this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, {
        actor,
        action: 'report.outcome-analysis-exported',
        entityType: 'report',
        change: { filter, threshold, nonResponders },
      });
      return scheduledWeeks(manager, timeZone, filter);
    });
    const { dataSource } = this;
    const lineOptions = { secret: this.config.sessionSecret, threshold, nonResponders };
    return (async function* () {
      yield analysisHeader(weeks);
      let after: { dischargedAt: Date; admissionId: string } | null = null;
      for (;;) {
        const batch = await dataSource.transaction(async (manager) => {
          await withoutJit(manager);
          return analysisRows(manager, timeZone, filter, after, EXPORT_BATCH);
        });
        // One chunk per batch, not per line: thousands of tiny writes cost more than the rows.
        if (batch.length) yield batch.map((row) => analysisLine(row, weeks, lineOptions)).join('');
        if (batch.length < EXPORT_BATCH) return;
        const last = batch[batch.length - 1];
        after = { dischargedAt: last.discharged_at, admissionId: last.admission_id };
      }
    })();
  }

  /**
   * The admissions behind one number of the outcome report, selected by the same rules that counted
   * them. Names and MRNs only for those who may see them (not auditors); the read is audited.
   */
  async drillDown(
    actor: Actor,
    identified: boolean,
    options: OutcomeReportOptions & { cell: string; group?: string },
  ): Promise<OutcomeDrillDownResponse> {
    const { groupBy = 'none', threshold = 30, nonResponders = 'exclude', cell, group, ...filter } = options;
    this.checkRange(filter);
    const timeZone = this.config.wardTimeZone;
    const week = weekOfCell(cell);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await withoutJit(manager);
      const rows = (await outcomeRows(manager, timeZone, filter)).filter(
        (row) => groupBy === 'none' || group === undefined || row[groupBy] === group,
      );
      let ids: string[];
      if (week) {
        const states = new Map(
          (await followUpStateRows(manager, timeZone, filter, week.weeks)).map((s) => [s.admission_id, s]),
        );
        ids = rows
          .filter((row) => inWeekCell(week.what, states.get(row.admission_id)))
          .map((r) => r.admission_id);
      } else {
        ids = rows
          .filter((row) =>
            inCohortCell(
              cell,
              { row, duration: durationOfBenefit(row, threshold, nonResponders) },
              threshold,
            ),
          )
          .map((row) => row.admission_id);
      }
      const listed = ids.slice(0, DRILL_DOWN_LIMIT);
      const details = await drillDownAdmissionRows(manager, timeZone, listed, identified);
      await this.audit.record(manager, {
        actor,
        action: 'report.outcome-drill-down-viewed',
        entityType: 'report',
        change: { cell, group: group ?? null, filter, identified, count: ids.length, admissionIds: listed },
      });
      return {
        cell,
        group: group ?? null,
        count: ids.length,
        identified,
        truncated: ids.length > listed.length,
        items: details.map((row) => ({
          admissionId: row.admission_id,
          studyId: studyId(row.admission_id, this.config.sessionSecret),
          ward: row.ward,
          indication: row.indication,
          drug: row.drug,
          admittedOn: row.admitted_on,
          dischargedOn: row.discharged_on,
          patient: identified
            ? { mrn: row.mrn!, name: `${row.family_name!.toUpperCase()}, ${row.given_name}` }
            : null,
        })),
      };
    });
  }

  private checkRange(filter: OutcomeReportFilter): void {
    if (filter.dischargedFrom && filter.dischargedTo && filter.dischargedFrom > filter.dischargedTo) {
      throw new ValidationFailed([
        { field: 'dischargedTo', messages: ['dischargedTo must not be before dischargedFrom'] },
      ]);
    }
  }

  private groups(
    placed: { row: OutcomeRow; duration: DurationOfBenefit | null }[],
    groupBy: Exclude<GroupBy, 'none'>,
  ): (Pick<OutcomeGroupResponse, 'key' | 'label' | 'discharged'> & { subjects: DurationOfBenefit[] })[] {
    const byKey = new Map<string, { discharged: number; subjects: DurationOfBenefit[] }>();
    for (const { row, duration } of placed) {
      const key = row[groupBy];
      const group = byKey.get(key) ?? { discharged: 0, subjects: [] };
      group.discharged += 1;
      if (duration) group.subjects.push(duration);
      byKey.set(key, group);
    }
    return [...byKey.entries()]
      .map(([key, group]) => ({ key, label: groupLabel(groupBy, key), ...group }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  private definitions(
    threshold: ResponderThreshold,
    nonResponders: NonResponderMode,
    today: string,
  ): OutcomeDefinitionsResponse {
    return {
      wardTimeZone: this.config.wardTimeZone,
      today,
      timeUnit: 'days',
      timeOrigin:
        "The day the infusion stopped (its stop event), or the discharge day when it has none, in the ward's calendar; times are whole days from that day.",
      responderThreshold: threshold,
      responder: `Responder at discharge: pain at discharge at least ${threshold} % below the admission's baseline (IMMPACT). Without a pain score at discharge, or with a baseline of 0, the response is unknown and counted beside the curve.`,
      nonResponders,
      nonResponderHandling:
        nonResponders === 'exclude'
          ? 'Non-responders have no benefit to lose: they are left out of the curve and counted beside it.'
          : 'Sensitivity view: non-responders are on the curve as an end of benefit at day 0.',
      event: 'Benefit ended, on the date the patient reported (the first follow-up that said so).',
      censoring:
        'Censored at the last follow-up that said benefit was ongoing, or at discharge when there is none yet. Lost to follow-up, death, withdrawal and readmission for another infusion censor at the last date benefit was known to be ongoing.',
      intervalCensoring:
        'The end of benefit is only known to lie between two contacts (interval-censored); the curve uses the date the patient gave.',
      averageNotShown:
        'A plain average of the durations observed so far is biased (it ignores everyone still benefiting) and is therefore not shown.',
      responderRates:
        'Responders at each scheduled follow-up week, out of every discharged admission of the cohort; done, missed, lost, cancelled, not yet due and not scheduled are shown, never dropped.',
      confidenceIntervals:
        "Kaplan-Meier: Greenwood standard errors, pointwise 95 % intervals on the log scale, the median's interval as R survival::survfit reports it; log-rank as survival::survdiff; responder rates with Wilson 95 % intervals.",
    };
  }
}

function cohortCounts(
  rows: OutcomeRow[],
  onCurve: DurationOfBenefit[],
  threshold: ResponderThreshold,
): CohortResponse {
  const response = rows.map((row) =>
    responseAtDischarge(row.baseline_pain, row.pain_at_discharge, threshold),
  );
  const terminal = (kind: OutcomeRow['terminal_kind']) =>
    rows.filter((row) => row.terminal_kind === kind).length;
  return {
    discharged: rows.length,
    responders: response.filter((r) => r === 'responder').length,
    nonResponders: response.filter((r) => r === 'non-responder').length,
    responseUnknown: response.filter((r) => r === 'unknown').length,
    onCurve: onCurve.length,
    events: onCurve.filter((s) => s.event).length,
    censored: onCurve.filter((s) => !s.event).length,
    lostToFollowUp: terminal('lost'),
    died: terminal('died'),
    withdrew: terminal('withdrew'),
    readmitted: rows.filter(
      (row) => row.terminal_kind === 'readmitted' || (row.readmitted && !row.terminal_kind),
    ).length,
  };
}

function curve(subjects: DurationOfBenefit[]): OutcomeCurveResponse {
  const km = kaplanMeier(subjects);
  return {
    n: subjects.length,
    events: subjects.filter((s) => s.event).length,
    followUpDays: subjects.length ? Math.max(...subjects.map((s) => s.time)) : null,
    steps: km.steps,
    median: km.median,
    survivalAt: SURVIVAL_AT_WEEKS.map((weeks) => {
      const at = kaplanMeierAt(km, weeks * 7);
      return {
        weeks,
        days: weeks * 7,
        survival: at?.survival ?? null,
        lower: at?.lower ?? null,
        upper: at?.upper ?? null,
        atRisk: at?.atRisk ?? 0,
      };
    }),
  };
}

function responderRate(rate: ResponderRateRow, discharged: number): ResponderRateResponse {
  const proportion = (count: number) => ({ count, ...wilsonInterval(count, discharged) });
  return {
    week: rate.weeks,
    discharged,
    done: rate.done,
    missed: rate.missed,
    lost: rate.lost,
    notDue: rate.not_due,
    cancelled: rate.cancelled,
    notScheduled: discharged - rate.scheduled,
    responders30: proportion(rate.responders30),
    responders50: proportion(rate.responders50),
  };
}

function groupLabel(groupBy: Exclude<GroupBy, 'none'>, key: string): string {
  if (groupBy === 'indication') return INDICATION_LABELS[key as keyof typeof INDICATION_LABELS] ?? key;
  if (groupBy === 'drug') return DRUG_LABELS[key as keyof typeof DRUG_LABELS] ?? key;
  return key;
}
