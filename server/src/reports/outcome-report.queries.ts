import type { EntityManager } from 'typeorm';
import type { Drug, Indication } from '../admissions/admission-status.js';

export interface OutcomeReportFilter {
  dischargedFrom?: string;
  dischargedTo?: string;
  indication?: Indication;
  ward?: string;
  drug?: Drug;
}

/**
 * One discharged admission of the cohort, with every day counted from its time origin (the local day
 * the infusion stopped, the discharge day when it never did) by PostgreSQL's date arithmetic.
 */
export interface OutcomeRow {
  admission_id: string;
  ward: string;
  indication: Indication;
  drug: Drug;
  baseline_pain: number;
  pain_at_discharge: number | null;
  /** Days from the origin to the discharge day (0 or more). */
  discharge_day: number;
  /** A terminal event not entered in error: lost, died, withdrew, readmitted. */
  terminal_kind: 'lost' | 'died' | 'withdrew' | 'readmitted' | null;
  /** The patient was admitted again after this discharge (whether or not a terminal event says so). */
  readmitted: boolean;
  /** Days to the first reported end of benefit, null when none was reported (negative if reported
   * before the origin; the analysis counts that as day 0). */
  ended_day: number | null;
  /** Days to the last follow-up that said benefit was ongoing (before any end was reported). */
  last_ongoing_day: number | null;
}

export interface ResponderRateRow {
  weeks: number;
  scheduled: number;
  done: number;
  lost: number;
  cancelled: number;
  missed: number;
  not_due: number;
  responders30: number;
  responders50: number;
}

// The filter is the same for every statement of the report: $1 the ward's time zone, then the filters.
function cohortSql(): string {
  return `SELECT a.id, a.patient_id, a.ward, a.indication, a.drug, a.baseline_pain, a.pain_at_discharge,
                 a.admitted_at, a.discharged_at, (a.discharged_at AT TIME ZONE $1)::date AS discharged_on
          FROM admissions a
          WHERE a.status = 'discharged'
            AND ($2::date IS NULL OR (a.discharged_at AT TIME ZONE $1)::date >= $2::date)
            AND ($3::date IS NULL OR (a.discharged_at AT TIME ZONE $1)::date <= $3::date)
            AND ($4::text IS NULL OR a.indication = $4)
            AND ($5::text IS NULL OR a.ward = $5)
            AND ($6::text IS NULL OR a.drug = $6)`;
}

/**
 * Turns off PostgreSQL's JIT compilation for the rest of the transaction. The report's statements
 * are estimated far above jit_above_cost (thousands of indexed LATERAL lookups, each costed as a
 * scan), and on a server built with LLVM compiling them took 0.5 s of a 0.6 s outcome statement on
 * the 10-year database; executed as plain statements they take about 0.1 s (ADR 9).
 */
export async function withoutJit(manager: EntityManager): Promise<void> {
  await manager.query('SET LOCAL jit = off');
}

function parameters(timeZone: string, filter: OutcomeReportFilter): unknown[] {
  return [
    timeZone,
    filter.dischargedFrom ?? null,
    filter.dischargedTo ?? null,
    filter.indication ?? null,
    filter.ward ?? null,
    filter.drug ?? null,
  ];
}

/**
 * A follow-up cancelled by a terminal event later entered in error, and reopened as a new follow-up
 * (ADR 4), counts once: as its reopened successor.
 */
export const NOT_REOPENED = 'NOT EXISTS (SELECT 1 FROM follow_ups r WHERE r.reopens_follow_up_id = f.id)';

// What became of a scheduled follow-up, in order of precedence: done (a current outcome), lost
// (cancelled by a terminal event, or due after one), cancelled (another reason), missed (settled
// missed, or its window closed without an outcome), not yet due. Needs f, o, x, xe (x's terminal event
// if it is still in force: one entered in error no longer makes the follow-up lost) and terminal."on".
export const FOLLOW_UP_STATE = `CASE
    WHEN o.id IS NOT NULL THEN 'done'
    WHEN xe.id IS NOT NULL OR terminal."on" <= f.window_end THEN 'lost'
    WHEN x.follow_up_id IS NOT NULL AND x.terminal_event_id IS NULL THEN 'cancelled'
    WHEN f.settled = 'missed' OR f.window_end < (now() AT TIME ZONE $1)::date THEN 'missed'
    ELSE 'not-due'
  END`;

/** What FOLLOW_UP_STATE needs of f's cancellation: x, and xe, x's terminal event while it is in force. */
export const FOLLOW_UP_CANCELLATION_JOINS = `LEFT JOIN follow_up_cancellations x ON x.follow_up_id = f.id
       LEFT JOIN follow_up_terminal_events xe ON xe.id = x.terminal_event_id AND xe.entered_in_error_at IS NULL`;

/**
 * The per-admission statement shared by the report and the analysis data set: the cohort, each
 * admission's time origin, readmission, terminal event, first reported end of benefit and last
 * ongoing follow-up, by indexed LATERAL lookups (infusion_events_by_admission,
 * follow_up_outcomes_by_admission, admissions_by_patient, follow_ups_by_admission). With `analysis`,
 * also the days from admission to each event and every scheduled follow-up, one batch at a time in
 * (discharged_at, id) order from the keyset in $7, $8, at most $9 rows.
 */
function outcomeSql(analysis: boolean): string {
  const page = analysis
    ? `AND ($7::timestamptz IS NULL OR (a.discharged_at, a.id) > ($7::timestamptz, $8::uuid))
       ORDER BY a.discharged_at, a.id LIMIT $9`
    : '';
  return `WITH cohort AS (${cohortSql()} ${page}),
     timed AS (
       SELECT c.*,
              (c.admitted_at AT TIME ZONE $1)::date AS admitted_on,
              infusion.started_on, infusion.stopped_on,
              coalesce(infusion.stopped_on, c.discharged_on) AS origin_on,
              readmission.readmitted_on
       FROM cohort c
       LEFT JOIN LATERAL (
         SELECT (min(e.occurred_at) FILTER (WHERE e.type = 'start') AT TIME ZONE $1)::date AS started_on,
                (max(e.occurred_at) FILTER (WHERE e.type = 'stop') AT TIME ZONE $1)::date AS stopped_on
         FROM infusion_events e WHERE e.admission_id = c.id
       ) infusion ON true
       LEFT JOIN LATERAL (
         SELECT (min(n.admitted_at) AT TIME ZONE $1)::date AS readmitted_on
         FROM admissions n
         WHERE n.patient_id = c.patient_id AND n.id <> c.id AND n.admitted_at > c.discharged_at
           AND n.status NOT IN ('planned', 'cancelled')
       ) readmission ON true
     )
     SELECT t.id AS admission_id, t.ward, t.indication, t.drug, t.baseline_pain, t.pain_at_discharge,
            greatest(t.discharged_on - t.origin_on, 0) AS discharge_day,
            terminal.kind AS terminal_kind,
            t.readmitted_on IS NOT NULL AS readmitted,
            ended.benefit_ended_on - t.origin_on AS ended_day,
            ongoing.last_ongoing_on - t.origin_on AS last_ongoing_day
            ${
              analysis
                ? `, t.discharged_at,
            t.started_on - t.admitted_on AS days_to_infusion_start,
            t.stopped_on - t.admitted_on AS days_to_infusion_stop,
            t.discharged_on - t.admitted_on AS days_to_discharge,
            t.stopped_on IS NOT NULL AS origin_is_stop,
            ended.benefit_ended_on - t.admitted_on AS days_to_benefit_end,
            follow_up.by_week AS follow_ups`
                : ''
            }
     FROM timed t
     LEFT JOIN LATERAL (
       SELECT x.kind, x."on" FROM follow_up_terminal_events x
       WHERE x.admission_id = t.id AND x.entered_in_error_at IS NULL LIMIT 1
     ) terminal ON true
     LEFT JOIN LATERAL (
       SELECT o.benefit_ended_on, o.assessed_on FROM follow_up_outcomes o
       WHERE o.admission_id = t.id AND o.entered_in_error_at IS NULL AND NOT o.benefit_ongoing
         AND (t.readmitted_on IS NULL OR o.assessed_on < t.readmitted_on)
       ORDER BY o.benefit_ended_on, o.assessed_on LIMIT 1
     ) ended ON true
     LEFT JOIN LATERAL (
       SELECT max(o.assessed_on) AS last_ongoing_on FROM follow_up_outcomes o
       WHERE o.admission_id = t.id AND o.entered_in_error_at IS NULL AND o.benefit_ongoing
         AND (t.readmitted_on IS NULL OR o.assessed_on < t.readmitted_on)
         AND (ended.assessed_on IS NULL OR o.assessed_on < ended.assessed_on)
     ) ongoing ON true
     ${
       analysis
         ? `LEFT JOIN LATERAL (
       SELECT jsonb_object_agg(f.weeks, jsonb_build_object(
                'status', ${FOLLOW_UP_STATE},
                'painNow', o.pain_now,
                'benefitOngoing', o.benefit_ongoing,
                'daysFromAdmission', o.assessed_on - t.admitted_on)) AS by_week
       FROM follow_ups f
       LEFT JOIN follow_up_outcomes o ON o.follow_up_id = f.id AND o.entered_in_error_at IS NULL
       ${FOLLOW_UP_CANCELLATION_JOINS}
       WHERE f.admission_id = t.id AND f.kind = 'scheduled' AND ${NOT_REOPENED}
     ) follow_up ON true`
         : ''
     }
     ORDER BY t.discharged_at, t.id`;
}

/**
 * The version of everything the outcome report reads for this cohort, in this snapshot: the ward's
 * today (follow-ups become missed as days pass) and a digest of each cohort admission with its
 * generation, which every write to a row the report reads about it bumps (ADR 9), including its
 * leaving or joining the cohort.
 */
export async function outcomeSourcesVersion(
  manager: EntityManager,
  timeZone: string,
  filter: OutcomeReportFilter,
): Promise<string> {
  const [row]: { version: string }[] = await manager.query(
    `WITH cohort AS (${cohortSql()})
     SELECT (now() AT TIME ZONE $1)::date || ' ' || count(*) || ' ' ||
            md5(coalesce(string_agg(c.id || ':' || coalesce(s.generation, 0), ',' ORDER BY c.id), '')) AS version
     FROM cohort c LEFT JOIN stay_summaries s ON s.admission_id = c.id`,
    parameters(timeZone, filter),
  );
  return row.version;
}

/** Every discharged admission of the cohort with what the duration-of-benefit analysis needs. */
export function outcomeRows(
  manager: EntityManager,
  timeZone: string,
  filter: OutcomeReportFilter,
): Promise<OutcomeRow[]> {
  return manager.query(outcomeSql(false), parameters(timeZone, filter));
}

export interface FollowUpCell {
  status: 'done' | 'lost' | 'cancelled' | 'missed' | 'not-due';
  painNow: number | null;
  benefitOngoing: boolean | null;
  daysFromAdmission: number | null;
}

/** One admission of the analysis data set: the report's row and the days from admission to each event. */
export interface AnalysisRow extends OutcomeRow {
  discharged_at: Date;
  days_to_infusion_start: number | null;
  days_to_infusion_stop: number | null;
  days_to_discharge: number;
  origin_is_stop: boolean;
  days_to_benefit_end: number | null;
  follow_ups: Record<string, FollowUpCell> | null;
}

/** One batch of the analysis data set, after the keyset of the previous batch's last row. */
export function analysisRows(
  manager: EntityManager,
  timeZone: string,
  filter: OutcomeReportFilter,
  after: { dischargedAt: Date; admissionId: string } | null,
  limit: number,
): Promise<AnalysisRow[]> {
  return manager.query(outcomeSql(true), [
    ...parameters(timeZone, filter),
    after?.dischargedAt ?? null,
    after?.admissionId ?? null,
    limit,
  ]);
}

/** The scheduled follow-up weeks of the cohort, for the data set's columns. */
export async function scheduledWeeks(
  manager: EntityManager,
  timeZone: string,
  filter: OutcomeReportFilter,
): Promise<number[]> {
  const rows: { weeks: number }[] = await manager.query(
    `WITH cohort AS (${cohortSql()})
     SELECT DISTINCT f.weeks FROM cohort c JOIN follow_ups f ON f.admission_id = c.id AND f.kind = 'scheduled'
     ORDER BY f.weeks`,
    parameters(timeZone, filter),
  );
  return rows.map((row) => row.weeks);
}

/**
 * For each scheduled follow-up week, what became of every cohort admission's follow-up: done (a
 * current outcome), lost (cancelled by a terminal event, or after one), cancelled (for another
 * reason), missed (settled missed, or its window closed without an outcome), not yet due; and the
 * responders among those done, from the outcome's pain against the admission's baseline.
 */
export function responderRateRows(
  manager: EntityManager,
  timeZone: string,
  filter: OutcomeReportFilter,
): Promise<ResponderRateRow[]> {
  return manager.query(
    `WITH cohort AS (${cohortSql()}),
     states AS (
       SELECT f.weeks, c.baseline_pain, o.pain_now,
              ${FOLLOW_UP_STATE} AS state
       FROM cohort c
       JOIN follow_ups f ON f.admission_id = c.id AND f.kind = 'scheduled' AND ${NOT_REOPENED}
       LEFT JOIN follow_up_outcomes o ON o.follow_up_id = f.id AND o.entered_in_error_at IS NULL
       ${FOLLOW_UP_CANCELLATION_JOINS}
       LEFT JOIN LATERAL (
         SELECT t."on" FROM follow_up_terminal_events t
         WHERE t.admission_id = c.id AND t.entered_in_error_at IS NULL LIMIT 1
       ) terminal ON true
     )
     SELECT weeks,
            count(*)::int AS scheduled,
            count(*) FILTER (WHERE state = 'done')::int AS done,
            count(*) FILTER (WHERE state = 'lost')::int AS lost,
            count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
            count(*) FILTER (WHERE state = 'missed')::int AS missed,
            count(*) FILTER (WHERE state = 'not-due')::int AS not_due,
            count(*) FILTER (WHERE state = 'done' AND baseline_pain > 0
                               AND (baseline_pain - pain_now) * 100 >= 30 * baseline_pain)::int AS responders30,
            count(*) FILTER (WHERE state = 'done' AND baseline_pain > 0
                               AND (baseline_pain - pain_now) * 100 >= 50 * baseline_pain)::int AS responders50
     FROM states GROUP BY weeks ORDER BY weeks`,
    parameters(timeZone, filter),
  );
}

export interface FollowUpStateRow {
  admission_id: string;
  weeks: number;
  state: 'done' | 'lost' | 'cancelled' | 'missed' | 'not-due';
  baseline_pain: number;
  pain_now: number | null;
}

/** What became of each cohort admission's scheduled follow-up at one week (the drill-down of a rate). */
export function followUpStateRows(
  manager: EntityManager,
  timeZone: string,
  filter: OutcomeReportFilter,
  weeks: number,
): Promise<FollowUpStateRow[]> {
  return manager.query(
    `WITH cohort AS (${cohortSql()})
     SELECT c.id AS admission_id, f.weeks, c.baseline_pain, o.pain_now, ${FOLLOW_UP_STATE} AS state
     FROM cohort c
     JOIN follow_ups f ON f.admission_id = c.id AND f.kind = 'scheduled' AND f.weeks = $7 AND ${NOT_REOPENED}
     LEFT JOIN follow_up_outcomes o ON o.follow_up_id = f.id AND o.entered_in_error_at IS NULL
     ${FOLLOW_UP_CANCELLATION_JOINS}
     LEFT JOIN LATERAL (
       SELECT t."on" FROM follow_up_terminal_events t
       WHERE t.admission_id = c.id AND t.entered_in_error_at IS NULL LIMIT 1
     ) terminal ON true`,
    [...parameters(timeZone, filter), weeks],
  );
}

export interface DrillDownAdmissionRow {
  admission_id: string;
  ward: string;
  indication: Indication;
  drug: Drug;
  admitted_on: string;
  discharged_on: string;
  mrn?: string;
  family_name?: string;
  given_name?: string;
}

/** The admissions behind a number, in discharge order; names and MRNs only when asked for. */
export function drillDownAdmissionRows(
  manager: EntityManager,
  timeZone: string,
  admissionIds: string[],
  withIdentity: boolean,
): Promise<DrillDownAdmissionRow[]> {
  return manager.query(
    `SELECT a.id AS admission_id, a.ward, a.indication, a.drug,
            to_char(a.admitted_at AT TIME ZONE $1, 'YYYY-MM-DD') AS admitted_on,
            to_char(a.discharged_at AT TIME ZONE $1, 'YYYY-MM-DD') AS discharged_on
            ${withIdentity ? ', p.mrn, p.family_name, p.given_name' : ''}
     FROM admissions a ${withIdentity ? 'JOIN patients p ON p.id = a.patient_id' : ''}
     WHERE a.id = ANY ($2::uuid[])
     ORDER BY a.discharged_at, a.id`,
    [timeZone, admissionIds],
  );
}
