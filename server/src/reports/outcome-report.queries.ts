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
                 a.discharged_at, (a.discharged_at AT TIME ZONE $1)::date AS discharged_on
          FROM admissions a
          WHERE a.status = 'discharged'
            AND ($2::date IS NULL OR (a.discharged_at AT TIME ZONE $1)::date >= $2::date)
            AND ($3::date IS NULL OR (a.discharged_at AT TIME ZONE $1)::date <= $3::date)
            AND ($4::text IS NULL OR a.indication = $4)
            AND ($5::text IS NULL OR a.ward = $5)
            AND ($6::text IS NULL OR a.drug = $6)`;
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
 * Every discharged admission of the cohort with what the duration-of-benefit analysis needs, in one
 * statement: indexed LATERAL lookups per admission (infusion_events_by_admission,
 * follow_up_outcomes_by_admission, admissions_by_patient), no entity loaded one by one. Outcomes
 * assessed on or after a readmission's day are not this admission's to count.
 */
export function outcomeRows(
  manager: EntityManager,
  timeZone: string,
  filter: OutcomeReportFilter,
): Promise<OutcomeRow[]> {
  return manager.query(
    `WITH cohort AS (${cohortSql()}),
     timed AS (
       SELECT c.*,
              coalesce(stop.stopped_on, c.discharged_on) AS origin_on,
              readmission.readmitted_on
       FROM cohort c
       LEFT JOIN LATERAL (
         SELECT (max(e.occurred_at) AT TIME ZONE $1)::date AS stopped_on
         FROM infusion_events e WHERE e.admission_id = c.id AND e.type = 'stop'
       ) stop ON true
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
     FROM timed t
     LEFT JOIN LATERAL (
       SELECT x.kind FROM follow_up_terminal_events x
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
     ORDER BY t.discharged_at, t.id`,
    parameters(timeZone, filter),
  );
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
     today AS (SELECT (now() AT TIME ZONE $1)::date AS today_on),
     states AS (
       SELECT f.weeks, c.baseline_pain, o.pain_now,
              CASE
                WHEN o.id IS NOT NULL THEN 'done'
                WHEN x.terminal_event_id IS NOT NULL OR terminal."on" <= f.window_end THEN 'lost'
                WHEN x.follow_up_id IS NOT NULL THEN 'cancelled'
                WHEN f.settled = 'missed' OR f.window_end < (SELECT today_on FROM today) THEN 'missed'
                ELSE 'not-due'
              END AS state
       FROM cohort c
       JOIN follow_ups f ON f.admission_id = c.id AND f.kind = 'scheduled'
       LEFT JOIN follow_up_outcomes o ON o.follow_up_id = f.id AND o.entered_in_error_at IS NULL
       LEFT JOIN follow_up_cancellations x ON x.follow_up_id = f.id
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
