import type { EntityManager } from 'typeorm';
import { SIDE_EFFECTS } from '@infusion-tracker/clinical';
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
const COHORT = `cohort AS (
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

// Observation sets of the cohort that were not marked entered in error.
// Only the columns the report reads: the CTE is materialized where a statement reads it twice.
const VALID_SETS = `valid_sets AS (
  SELECT s.id, s.admission_id, s.taken_at, s.news2_total, s.news2_response, s.sedation, s.flags,
         s.pump_rate_value, s.side_effects
  FROM cohort c JOIN observation_sets s ON s.admission_id = c.id
  WHERE NOT EXISTS (SELECT 1 FROM observation_set_corrections x WHERE x.set_id = s.id))`;

function parameters(timeZone: string, filter: ServiceReportFilter): unknown[] {
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
     stays AS (
       SELECT c.*, extract(epoch FROM c.discharged_at - c.admitted_at) / 86400 AS los_days,
              EXISTS (SELECT 1 FROM infusion_events e WHERE e.admission_id = c.id AND e.type = 'start') AS infused,
              EXISTS (SELECT 1 FROM infusion_events e WHERE e.admission_id = c.id AND e.type = 'pause') AS paused
       FROM cohort c
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
    parameters(timeZone, filter),
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
    parameters(timeZone, filter),
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
    parameters(timeZone, filter),
  );
}

export interface SideEffectRow {
  side_effect: string;
  none: number;
  mild: number;
  moderate: number;
  severe: number;
}

/**
 * For each side effect, the admissions by the worst grade recorded in any set. A set whose side
 * effects were not assessed (NULL, not an object) or that leaves one out contributes nothing for it:
 * the admission counts as not assessed for that side effect unless another set graded it.
 */
export function sideEffectRows(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<SideEffectRow[]> {
  // One pass over the sets with a CASE per side effect (no row per set and side effect), then one row
  // per admission and side effect to count.
  const grade = (key: string) =>
    `max(CASE s.side_effects ->> '${key}' WHEN 'none' THEN 0 WHEN 'mild' THEN 1 WHEN 'moderate' THEN 2 WHEN 'severe' THEN 3 END) AS "${key}"`;
  return manager.query(
    `WITH ${COHORT}, ${VALID_SETS},
     per_admission AS (
       SELECT ${SIDE_EFFECTS.map(grade).join(',\n              ')}
       FROM valid_sets s -- ->> of a set not assessed (NULL, or not an object) is NULL: no grade
       GROUP BY s.admission_id
     ),
     worst AS (
       SELECT g.key, g.grade FROM per_admission p
       CROSS JOIN LATERAL (VALUES ${SIDE_EFFECTS.map((key) => `('${key}', p."${key}")`).join(', ')}) AS g (key, grade)
     )
     SELECT key AS side_effect,
            count(*) FILTER (WHERE grade = 0)::int AS none,
            count(*) FILTER (WHERE grade = 1)::int AS mild,
            count(*) FILTER (WHERE grade = 2)::int AS moderate,
            count(*) FILTER (WHERE grade = 3)::int AS severe
     FROM worst GROUP BY key`,
    parameters(timeZone, filter),
  );
}

export interface SetSummaryRow {
  sets: number;
  admissions_with_sets: number;
  /** Admissions by their highest POSS level (S < 1 < 2 < 3 < 4); null: no sedation recorded. */
  highest_sedation: Record<string, number>;
  complete_news2: number;
  news2_high_sets: number;
  news2_episodes: number;
  news2_episode_admissions: number;
  pump_checks: number;
  pump_discrepancies: number;
  pump_discrepancy_admissions: number;
}

const POSS_RANK = `CASE sedation WHEN 'S' THEN 0 WHEN '1' THEN 1 WHEN '2' THEN 2 WHEN '3' THEN 3 WHEN '4' THEN 4 END`;

/**
 * The observation sets in one pass: highest sedation per admission, NEWS2 of 5 or more (an episode
 * starts at a complete set scoring 5+ whose previous complete set scored less, or that has none),
 * pump checks and their discrepancies (the set's stored flag).
 */
export function setSummaryRow(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<SetSummaryRow[]> {
  return manager.query(
    `WITH ${COHORT}, ${VALID_SETS},
     per_admission AS (
       SELECT admission_id, max(${POSS_RANK}) AS sedation_rank,
              count(*) FILTER (WHERE 'pump-discrepancy' = ANY (flags)) AS discrepancies
       FROM valid_sets GROUP BY admission_id
     ),
     scored AS (
       SELECT admission_id, news2_total >= 5 AS high,
              lag(news2_total >= 5) OVER (PARTITION BY admission_id ORDER BY taken_at, id) AS previous_high
       FROM valid_sets WHERE news2_total IS NOT NULL
     ),
     sedation AS (
       SELECT coalesce(jsonb_object_agg(level, admissions), '{}') AS by_level FROM (
         SELECT coalesce((ARRAY['S', '1', '2', '3', '4'])[sedation_rank + 1], 'not-recorded') AS level,
                count(*)::int AS admissions
         FROM per_admission GROUP BY 1
       ) levels
     )
     SELECT (SELECT count(*) FROM valid_sets)::int AS sets,
            (SELECT count(*) FROM per_admission)::int AS admissions_with_sets,
            (SELECT by_level FROM sedation) AS highest_sedation,
            (SELECT count(*) FROM scored)::int AS complete_news2,
            (SELECT count(*) FILTER (WHERE high) FROM scored)::int AS news2_high_sets,
            (SELECT count(*) FILTER (WHERE high AND previous_high IS DISTINCT FROM true) FROM scored)::int AS news2_episodes,
            (SELECT count(DISTINCT admission_id) FILTER (WHERE high) FROM scored)::int AS news2_episode_admissions,
            (SELECT count(*) FROM valid_sets WHERE pump_rate_value IS NOT NULL)::int AS pump_checks,
            (SELECT coalesce(sum(discrepancies), 0) FROM per_admission)::int AS pump_discrepancies,
            (SELECT count(*) FILTER (WHERE discrepancies > 0) FROM per_admission)::int AS pump_discrepancy_admissions`,
    parameters(timeZone, filter),
  );
}

export interface OnTimeRow {
  assessed: number;
  on_time: number;
}

/**
 * Whether each set was taken by the time the ward board showed it due (libs/clinical
 * nextObservationDue, restated in SQL): after a start, resume or rate change, its time plus the
 * intensified interval; otherwise the previous set's time plus the routine interval (the intensified
 * one inside the window after a change), shortened by the previous set's NEWS2 response (0: 12 h,
 * low: 4 h, low-medium and medium: 1 h, high: 15 min) and by POSS 3-4 (15 min). The schedule is the
 * one in force when the set was taken (default 240/30/120). The first set of a stay counts only when
 * a start came before it (before that, nothing was due).
 */
export function onTimeRow(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<OnTimeRow[]> {
  return manager.query(
    `WITH ${COHORT}, ${VALID_SETS},
     marks AS (
       SELECT admission_id, taken_at AS at, 2 AS rank, news2_total, news2_response, sedation FROM valid_sets
       UNION ALL
       SELECT e.admission_id, e.occurred_at, 1, NULL, NULL, NULL
       FROM cohort c JOIN infusion_events e ON e.admission_id = c.id AND e.type IN ('start', 'resume')
       UNION ALL
       SELECT o.admission_id, o.effective_from, 1, NULL, NULL, NULL
       FROM cohort c JOIN infusion_orders o ON o.admission_id = c.id
       WHERE NOT EXISTS (SELECT 1 FROM infusion_order_corrections x WHERE x.order_id = o.id)
         AND EXISTS (SELECT 1 FROM infusion_events e WHERE e.admission_id = c.id AND e.type = 'start' AND e.occurred_at < o.effective_from)
       UNION ALL
       SELECT sch.admission_id, sch.set_at, 0, NULL, NULL, NULL
       FROM cohort c JOIN observation_schedules sch ON sch.admission_id = c.id
     ),
     carried AS (
       SELECT m.*,
              max(at) FILTER (WHERE rank = 1) OVER running AS change_at,
              max(at) FILTER (WHERE rank = 0) OVER running AS schedule_at
       FROM marks m
       WINDOW running AS (PARTITION BY admission_id ORDER BY at, rank ROWS UNBOUNDED PRECEDING)
     ),
     sets AS (
       SELECT c.admission_id, c.at, c.change_at, c.schedule_at,
              lag(c.at) OVER previous AS previous_at,
              lag(c.news2_total) OVER previous AS previous_total,
              lag(c.news2_response) OVER previous AS previous_response,
              lag(c.sedation) OVER previous AS previous_sedation
       FROM carried c WHERE c.rank = 2
       WINDOW previous AS (PARTITION BY c.admission_id ORDER BY c.at)
     ),
     due AS (
       SELECT s.at,
              CASE
                WHEN s.change_at IS NOT NULL AND (s.previous_at IS NULL OR s.change_at > s.previous_at)
                  THEN s.change_at + make_interval(mins => coalesce(sch.intensified_minutes, 30))
                WHEN s.previous_at IS NULL THEN NULL
                ELSE s.previous_at + make_interval(mins => least(
                  CASE WHEN s.change_at IS NOT NULL
                        AND extract(epoch FROM s.previous_at - s.change_at) / 60 + coalesce(sch.intensified_minutes, 30)
                            <= coalesce(sch.intensified_for_minutes, 120)
                       THEN coalesce(sch.intensified_minutes, 30) ELSE coalesce(sch.routine_minutes, 240) END,
                  CASE WHEN s.previous_total = 0 THEN 720
                       WHEN s.previous_response = 'low' THEN 240
                       WHEN s.previous_response IN ('low-medium', 'medium') THEN 60
                       WHEN s.previous_response = 'high' THEN 15 END,
                  CASE WHEN s.previous_sedation IN ('3', '4') THEN 15 END))
              END AS due_at
       FROM sets s
       LEFT JOIN observation_schedules sch ON sch.admission_id = s.admission_id AND sch.set_at = s.schedule_at
     )
     SELECT count(due_at)::int AS assessed, count(*) FILTER (WHERE at <= due_at)::int AS on_time FROM due`,
    parameters(timeZone, filter),
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
       SELECT c.id, terminal.kind, terminal."on" FROM cohort c
       LEFT JOIN LATERAL (
         SELECT t.kind, t."on" FROM follow_up_terminal_events t
         WHERE t.admission_id = c.id AND t.entered_in_error_at IS NULL LIMIT 1
       ) terminal ON true
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
    parameters(timeZone, filter),
  );
}
