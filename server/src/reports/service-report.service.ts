import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { POSS_LEVELS, SIDE_EFFECTS, wilsonInterval } from '@infusion-tracker/clinical';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ValidationFailed } from '../common/domain-error.js';
import type {
  AdmissionsInMonthResponse,
  ServiceDefinitionsResponse,
  ServiceReportResponse,
} from './dto/service-report.response.js';
import type { ProportionResponse } from './dto/outcome-report.response.js';
import { SEDATION_LABELS, SIDE_EFFECT_LABELS } from './outcome-labels.js';
import { withoutJit } from './outcome-report.queries.js';
import {
  followUpSummaryRow,
  monthRows,
  pauseRows,
  serviceSourcesVersion,
  stayRow,
  type FollowUpSummaryRow,
  type MonthRow,
  type PauseRow,
  type ServiceReportFilter,
  type StayRow,
} from './service-report.queries.js';
import {
  refreshStaySummaries,
  staleStays,
  staySummaryTotals,
  unsummarizedStays,
  type StaySummaryTotalsRow,
} from './stay-summaries.queries.js';
import { AnswerCache } from './answer-cache.js';

/**
 * The service report: how the service runs. Five aggregate statements in one repeatable-read
 * snapshot; nothing is loaded row by row. The observation sets are added up from each stay's summary
 * (ADR 9), made beforehand for the discharged stays that have none current. Proportions carry Wilson
 * 95 % intervals (libs/clinical).
 */
@Injectable()
export class ServiceReportService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly answers = new AnswerCache<ServiceReportResponse>();

  async report(filter: ServiceReportFilter): Promise<ServiceReportResponse> {
    checkRanges(filter);
    const timeZone = this.config.wardTimeZone;
    await this.summarizeStays(timeZone, filter);
    const question = JSON.stringify(
      (
        [
          'admittedFrom',
          'admittedTo',
          'dischargedFrom',
          'dischargedTo',
          'indication',
          'ward',
          'drug',
        ] as const
      ).map((key) => filter[key] ?? null),
    );
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await withoutJit(manager);
      const version = await serviceSourcesVersion(manager, timeZone, filter);
      return this.answers.get(question, version, async () =>
        this.answer({
          stay: (await stayRow(manager, timeZone, filter))[0],
          months: await monthRows(manager, timeZone, filter),
          pauses: await pauseRows(manager, timeZone, filter),
          sets: (
            await staySummaryTotals(
              manager,
              timeZone,
              filter,
              await unsummarizedStays(manager, timeZone, filter),
            )
          )[0],
          followUps: (await followUpSummaryRow(manager, timeZone, filter))[0],
        }),
      );
    });
  }

  /** The response from the rows of the report's statements. */
  private answer(rows: {
    stay: StayRow;
    months: MonthRow[];
    pauses: PauseRow[];
    sets: StaySummaryTotalsRow;
    followUps: FollowUpSummaryRow;
  }): ServiceReportResponse {
    const { stay, sets, followUps } = rows;
    const onTime = { assessed: sets.assessed, on_time: sets.on_time };
    const pausedAdmissions = stay.paused;
    const pauses = rows.pauses.reduce((sum, row) => sum + row.pauses, 0);
    const discrepancies = sets.pump_discrepancies;
    const due = followUps.done + followUps.missed + followUps.lost;
    return {
      definitions: this.definitions(),
      admissions: { total: stay.admissions, discharged: stay.discharged, infused: stay.infused },
      admissionsPerMonth: everyMonth(rows.months),
      lengthOfStay: {
        n: stay.discharged,
        median: stay.los_median,
        q1: stay.los_q1,
        q3: stay.los_q3,
        min: stay.los_min,
        max: stay.los_max,
      },
      pauses: {
        pauses,
        admissionsPaused: pausedAdmissions,
        infused: stay.infused,
        proportionPaused: proportion(pausedAdmissions, stay.infused),
        reasons: rows.pauses,
      },
      sideEffects: SIDE_EFFECTS.map((sideEffect) => {
        const row = sets.side_effects.find((r) => r.side_effect === sideEffect);
        const grades = {
          none: row?.none ?? 0,
          mild: row?.mild ?? 0,
          moderate: row?.moderate ?? 0,
          severe: row?.severe ?? 0,
        };
        const assessed = grades.none + grades.mild + grades.moderate + grades.severe;
        return {
          sideEffect,
          label: SIDE_EFFECT_LABELS[sideEffect],
          ...grades,
          notAssessed: stay.admissions - assessed,
        };
      }),
      highestSedation: [...POSS_LEVELS, 'not-recorded' as const].map((level) => ({
        level,
        label: SEDATION_LABELS[level],
        admissions:
          level === 'not-recorded'
            ? stay.admissions -
              Object.entries(sets.highest_sedation)
                .filter(([key]) => key !== 'not-recorded')
                .reduce((sum, [, count]) => sum + count, 0)
            : (sets.highest_sedation[level] ?? 0),
      })),
      news2: {
        completeSets: sets.complete_news2,
        setsFiveOrMore: sets.news2_high_sets,
        episodes: sets.news2_episodes,
        admissions: sets.news2_episode_admissions,
      },
      pumpChecks: {
        checks: sets.pump_checks,
        discrepancies,
        admissionsWithDiscrepancy: sets.pump_discrepancy_admissions,
        proportion: proportion(discrepancies, sets.pump_checks),
      },
      observationsOnTime: {
        sets: sets.sets,
        assessed: onTime.assessed,
        onTime: onTime.on_time,
        proportion: proportion(onTime.on_time, onTime.assessed),
      },
      followUps: {
        discharged: followUps.discharged,
        scheduled: followUps.scheduled,
        done: followUps.done,
        missed: followUps.missed,
        lost: followUps.lost,
        cancelled: followUps.cancelled,
        notDue: followUps.not_due,
        due,
        completion: proportion(followUps.done, due),
        missedRate: proportion(followUps.missed, due),
        lostRate: proportion(followUps.lost, due),
        lostToFollowUp: followUps.terminal_lost,
        died: followUps.terminal_died,
        withdrew: followUps.terminal_withdrew,
        readmitted: followUps.terminal_readmitted,
        lossRate: proportion(followUps.terminal_lost, followUps.discharged),
      },
    };
  }

  /**
   * Makes the missing or outdated summaries of the cohort's discharged stays (ADR 9), apart from the
   * report's snapshot: read committed, so that a concurrent refresher's rows are waited for rather
   * than failing the report; one refresher at a time (a transaction-scoped advisory lock), so that
   * concurrent first reports do not all make the same summaries.
   */
  private summarizeStays(timeZone: string, filter: ServiceReportFilter): Promise<void> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('stay_summaries'))`);
      await withoutJit(manager);
      await refreshStaySummaries(manager, await staleStays(manager, timeZone, filter));
    });
  }

  private definitions(): ServiceDefinitionsResponse {
    return {
      wardTimeZone: this.config.wardTimeZone,
      cohort:
        "Admissions that took place (not planned or cancelled), by the day of admission or of discharge in the ward's calendar; a discharge period keeps only discharged admissions.",
      lengthOfStay:
        'Admission to discharge in days (to the hour), discharged admissions only; median and quartiles as R quantile type 7.',
      pauses:
        'Pause events of the infusion, grouped by the reason entered (case ignored); the share is of admissions whose infusion started.',
      sideEffects:
        'Each admission counted once per side effect, at the worst grade any set recorded; "not assessed" when no set graded it (a set whose side effects were not assessed never counts as none).',
      sedation: 'Each admission at the highest POSS level recorded, in the order S, 1, 2, 3, 4.',
      news2:
        'An episode begins at a set with a complete NEWS2 of 5 or more whose previous complete set scored less (or that has none); incomplete sets are left out.',
      pumpChecks:
        'Sets that recorded the rate the pump showed, and those where it differed from the order current at the time.',
      onTime:
        "A set is on time when taken no later than the ward board showed it due: the schedule in force (intensified after a start, resume or rate change), shortened by the previous set's NEWS2 response and by POSS 3-4. The first set of a stay counts only after a start.",
      followUps:
        'Scheduled follow-ups of the discharged admissions: done, missed, lost (a terminal event), cancelled for another reason and not yet due; rates are of those done, missed or lost, with Wilson 95 % intervals. The loss rate is the discharged admissions lost to follow-up.',
    };
  }
}

/** A count out of n with its Wilson interval; no estimate out of nothing. */
function proportion(count: number, n: number): ProportionResponse {
  if (n === 0) return { count, estimate: null, lower: null, upper: null };
  return { count, ...wilsonInterval(count, n) };
}

function checkRanges(filter: ServiceReportFilter): void {
  const problems = (
    [
      ['admittedFrom', 'admittedTo'],
      ['dischargedFrom', 'dischargedTo'],
    ] as const
  )
    .filter(([from, to]) => filter[from] && filter[to] && filter[from]! > filter[to]!)
    .map(([from, to]) => ({ field: to, messages: [`${to} must not be before ${from}`] }));
  if (problems.length) throw new ValidationFailed(problems);
}

/** Every month from the first to the last with admissions, the empty ones as 0. */
function everyMonth(rows: MonthRow[]): AdmissionsInMonthResponse[] {
  if (!rows.length) return [];
  const counts = new Map(rows.map((row) => [row.month, row.admissions]));
  const [firstYear, firstMonth] = rows[0].month.split('-').map(Number);
  const last = rows[rows.length - 1].month;
  const months: AdmissionsInMonthResponse[] = [];
  for (let year = firstYear, month = firstMonth; ; month === 12 ? ((year += 1), (month = 1)) : (month += 1)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push({ month: key, admissions: counts.get(key) ?? 0 });
    if (key === last) return months;
  }
}
