import type { EntityManager } from 'typeorm';
import type { Drug, Indication } from '../admissions/admission-status.js';
import { FOLLOW_UP_CANCELLATION_JOINS, FOLLOW_UP_STATE, NOT_REOPENED } from './outcome-report.queries.js';

export interface ServiceReportFilter {
  admittedFrom?: string;
  admittedTo?: string;
  dischargedFrom?: string;
  dischargedTo?: string;
  indication?: Indication;
  ward?: string;
  drug?: Drug;
}

// Every statement of the service report starts from the same cohort: admissions that were admitted
// (not planned or cancelled), by the ward's calendar ($1 its time zone). A discharge period keeps
// only discharged admissions.
export const COHORT = `cohort AS (
  SELECT a.id, a.admitted_at, a.discharged_at, a.status
  FROM admissions a
  WHERE a.status NOT IN ('planned', 'cancelled')
    AND ($2::date IS NULL OR (a.admitted_at AT TIME ZONE $1)::date >= $2::date)
    AND ($3::date IS NULL OR (a.admitted_at AT TIME ZONE $1)::date <= $3::date)
    AND ($4::date IS NULL OR (a.status = 'discharged' AND (a.discharged_at AT TIME ZONE $1)::date >= $4::date))
    AND ($5::date IS NULL OR (a.status = 'discharged' AND (a.discharged_at AT TIME ZONE $1)::date <= $5::date))
    AND ($6::text IS NULL OR a.indication = $6)
    AND ($7::text IS NULL OR a.ward = $7)
    AND ($8::text IS NULL OR a.drug = $8))`;

/** The parameters of COHORT: $1 the ward's time zone, then the filter. */
export function serviceParameters(timeZone: string, filter: ServiceReportFilter): unknown[] {
  return [
    timeZone,
    filter.admittedFrom ?? null,
    filter.admittedTo ?? null,
    filter.dischargedFrom ?? null,
    filter.dischargedTo ?? null,
    filter.indication ?? null,
    filter.ward ?? null,
    filter.drug ?? null,
  ];
}

/**
 * The version of everything the service report reads for this cohort, in this snapshot: the ward's
 * today (follow-ups become missed as days pass) and a digest of each cohort admission with its
 * generation, which every write to a row the report reads about it bumps (ADR 9).
 */
export async function serviceSourcesVersion(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<string> {
  const [row]: { version: string }[] = await manager.query(
    `WITH ${COHORT}
     SELECT (now() AT TIME ZONE $1)::date || ' ' || count(*) || ' ' ||
            md5(coalesce(string_agg(c.id || ':' || coalesce(s.generation, 0), ',' ORDER BY c.id), '')) AS version
     FROM cohort c LEFT JOIN stay_summaries s ON s.admission_id = c.id`,
    serviceParameters(timeZone, filter),
  );
  return row.version;
}

export interface StayRow {
  admissions: number;
  discharged: number;
  infused: number;
  /** Admissions whose infusion was paused at least once. */
  paused: number;
  /** Length of stay of the discharged admissions in days: quartiles (PostgreSQL percentile_cont,
   * R's type 7), min and max; null when none was discharged. */
  los_q1: number | null;
  los_median: number | null;
  los_q3: number | null;
  los_min: number | null;
  los_max: number | null;
}

export function stayRow(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<StayRow[]> {
  return manager.query(
    `WITH ${COHORT},
     events AS (
       -- One pass over the events, hashed, rather than two index probes per admission.
       SELECT e.admission_id, bool_or(e.type = 'start') AS infused, bool_or(e.type = 'pause') AS paused
       FROM infusion_events e WHERE e.type IN ('start', 'pause') GROUP BY e.admission_id
     ),
     stays AS (
       SELECT c.*, extract(epoch FROM c.discharged_at - c.admitted_at) / 86400 AS los_days,
              coalesce(e.infused, false) AS infused, coalesce(e.paused, false) AS paused
       FROM cohort c LEFT JOIN events e ON e.admission_id = c.id
     )
     SELECT count(*)::int AS admissions,
            count(*) FILTER (WHERE status = 'discharged')::int AS discharged,
            count(*) FILTER (WHERE infused)::int AS infused,
            count(*) FILTER (WHERE paused)::int AS paused,
            percentile_cont(0.25) WITHIN GROUP (ORDER BY los_days) FILTER (WHERE status = 'discharged')::float8 AS los_q1,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY los_days) FILTER (WHERE status = 'discharged')::float8 AS los_median,
            percentile_cont(0.75) WITHIN GROUP (ORDER BY los_days) FILTER (WHERE status = 'discharged')::float8 AS los_q3,
            min(los_days) FILTER (WHERE status = 'discharged')::float8 AS los_min,
            max(los_days) FILTER (WHERE status = 'discharged')::float8 AS los_max
     FROM stays`,
    serviceParameters(timeZone, filter),
  );
}

export interface MonthRow {
  month: string;
  admissions: number;
}

/** Admissions per calendar month of admission, in the ward's calendar. */
export function monthRows(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<MonthRow[]> {
  return manager.query(
    `WITH ${COHORT}
     SELECT to_char(c.admitted_at AT TIME ZONE $1, 'YYYY-MM') AS month, count(*)::int AS admissions
     FROM cohort c GROUP BY 1 ORDER BY 1`,
    serviceParameters(timeZone, filter),
  );
}

export interface PauseRow {
  reason: string;
  pauses: number;
  admissions: number;
}

/** Pause events by reason (as entered; case and surrounding spaces ignored), most frequent first. */
export function pauseRows(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<PauseRow[]> {
  return manager.query(
    `WITH ${COHORT}
     SELECT min(btrim(e.reason)) AS reason, count(*)::int AS pauses, count(DISTINCT e.admission_id)::int AS admissions
     FROM cohort c JOIN infusion_events e ON e.admission_id = c.id AND e.type = 'pause'
     GROUP BY lower(btrim(coalesce(e.reason, '')))
     ORDER BY pauses DESC, reason`,
    serviceParameters(timeZone, filter),
  );
}

export interface FollowUpSummaryRow {
  discharged: number;
  scheduled: number;
  done: number;
  missed: number;
  lost: number;
  cancelled: number;
  not_due: number;
  terminal_lost: number;
  terminal_died: number;
  terminal_withdrew: number;
  terminal_readmitted: number;
}

/** What became of the scheduled follow-ups of the cohort's discharged admissions, and their terminal events. */
export function followUpSummaryRow(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<FollowUpSummaryRow[]> {
  return manager.query(
    `WITH ${COHORT},
     discharged AS (
       -- At most one terminal event in force per admission (a partial unique index): a plain join.
       SELECT c.id, t.kind, t."on" FROM cohort c
       LEFT JOIN follow_up_terminal_events t ON t.admission_id = c.id AND t.entered_in_error_at IS NULL
       WHERE c.status = 'discharged'
     ),
     states AS (
       SELECT ${FOLLOW_UP_STATE} AS state
       FROM discharged terminal -- named so that FOLLOW_UP_STATE finds terminal."on"
       JOIN follow_ups f ON f.admission_id = terminal.id AND f.kind = 'scheduled' AND ${NOT_REOPENED}
       LEFT JOIN follow_up_outcomes o ON o.follow_up_id = f.id AND o.entered_in_error_at IS NULL
       ${FOLLOW_UP_CANCELLATION_JOINS}
     )
     SELECT (SELECT count(*) FROM discharged)::int AS discharged,
            count(*)::int AS scheduled,
            count(*) FILTER (WHERE state = 'done')::int AS done,
            count(*) FILTER (WHERE state = 'missed')::int AS missed,
            count(*) FILTER (WHERE state = 'lost')::int AS lost,
            count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
            count(*) FILTER (WHERE state = 'not-due')::int AS not_due,
            (SELECT count(*) FROM discharged WHERE kind = 'lost')::int AS terminal_lost,
            (SELECT count(*) FROM discharged WHERE kind = 'died')::int AS terminal_died,
            (SELECT count(*) FROM discharged WHERE kind = 'withdrew')::int AS terminal_withdrew,
            (SELECT count(*) FROM discharged WHERE kind = 'readmitted')::int AS terminal_readmitted
     FROM states`,
    serviceParameters(timeZone, filter),
  );
}
