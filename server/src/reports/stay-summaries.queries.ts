import type { EntityManager } from 'typeorm';
import { SIDE_EFFECTS } from '@infusion-tracker/clinical';
import { COHORT, serviceParameters, type ServiceReportFilter } from './service-report.queries.js';

// The figures of one stay that the service report adds up (ADR 9), for the admissions of the CTE
// named `stays` (one column, id): one row per admission, sets or not.
const SUMMARY_COLUMNS = `sets, sedation_rank, side_effect_grades, complete_news2, news2_high_sets, news2_episodes,
  pump_checks, pump_discrepancies, on_time_assessed, on_time`;

const POSS_RANK = `CASE sedation WHEN 'S' THEN 0 WHEN '1' THEN 1 WHEN '2' THEN 2 WHEN '3' THEN 3 WHEN '4' THEN 4 END`;

const GRADE_RANK = (key: string) =>
  `max(CASE side_effects ->> '${key}' WHEN 'none' THEN 0 WHEN 'mild' THEN 1 WHEN 'moderate' THEN 2 WHEN 'severe' THEN 3 END)`;

/**
 * Per stay: its observation sets not marked entered in error; the highest POSS level; for each side
 * effect the worst grade any set recorded (a set whose side effects were not assessed, NULL or not an
 * object, or that leaves one out, grades nothing); complete NEWS2 sets, those of 5 or more and the
 * episodes (an episode starts at a complete set scoring 5+ whose previous complete set scored less,
 * or that has none); pump checks and their discrepancies (the set's stored flag); and the sets
 * assessed for timeliness and those on time.
 *
 * On time: taken by the time the ward board showed the set due (libs/clinical nextObservationDue,
 * restated in SQL): after a start, resume or rate change, its time plus the intensified interval;
 * otherwise the previous set's time plus the routine interval (the intensified one inside the window
 * after a change), shortened by the previous set's NEWS2 response (0: 12 h, low: 4 h, low-medium and
 * medium: 1 h, high: 15 min) and by POSS 3-4 (15 min). The schedule is the one in force when the set
 * was taken (default 240/30/120). The first set of a stay counts only when a start came before it.
 */
const STAY_FIGURES = `valid_sets AS (
  SELECT s.id, s.admission_id, s.taken_at, s.news2_total, s.news2_response, s.sedation, s.flags,
         s.pump_rate_value, s.side_effects
  FROM stays c JOIN observation_sets s ON s.admission_id = c.id
  WHERE NOT EXISTS (SELECT 1 FROM observation_set_corrections x WHERE x.set_id = s.id)),
set_figures AS (
  SELECT admission_id, count(*)::int AS sets, max(${POSS_RANK})::smallint AS sedation_rank,
         ARRAY[${SIDE_EFFECTS.map(GRADE_RANK).join(', ')}]::smallint[] AS side_effect_grades,
         count(news2_total)::int AS complete_news2,
         count(*) FILTER (WHERE news2_total >= 5)::int AS news2_high_sets,
         count(*) FILTER (WHERE pump_rate_value IS NOT NULL)::int AS pump_checks,
         count(*) FILTER (WHERE 'pump-discrepancy' = ANY (flags))::int AS pump_discrepancies
  FROM valid_sets GROUP BY admission_id),
episodes AS (
  SELECT admission_id, count(*) FILTER (WHERE high AND previous_high IS DISTINCT FROM true)::int AS news2_episodes
  FROM (
    SELECT admission_id, news2_total >= 5 AS high,
           lag(news2_total >= 5) OVER (PARTITION BY admission_id ORDER BY taken_at, id) AS previous_high
    FROM valid_sets WHERE news2_total IS NOT NULL
  ) scored GROUP BY admission_id),
marks AS (
  SELECT admission_id, taken_at AS at, 2 AS rank, news2_total, news2_response, sedation FROM valid_sets
  UNION ALL
  SELECT e.admission_id, e.occurred_at, 1, NULL, NULL, NULL
  FROM stays c JOIN infusion_events e ON e.admission_id = c.id AND e.type IN ('start', 'resume')
  UNION ALL
  SELECT o.admission_id, o.effective_from, 1, NULL, NULL, NULL
  FROM stays c JOIN infusion_orders o ON o.admission_id = c.id
  WHERE NOT EXISTS (SELECT 1 FROM infusion_order_corrections x WHERE x.order_id = o.id)
    AND EXISTS (SELECT 1 FROM infusion_events e WHERE e.admission_id = c.id AND e.type = 'start' AND e.occurred_at < o.effective_from)
  UNION ALL
  SELECT sch.admission_id, sch.set_at, 0, NULL, NULL, NULL
  FROM stays c JOIN observation_schedules sch ON sch.admission_id = c.id),
carried AS (
  SELECT m.*,
         max(at) FILTER (WHERE rank = 1) OVER running AS change_at,
         max(at) FILTER (WHERE rank = 0) OVER running AS schedule_at
  FROM marks m
  WINDOW running AS (PARTITION BY admission_id ORDER BY at, rank ROWS UNBOUNDED PRECEDING)),
timed_sets AS (
  SELECT c.admission_id, c.at, c.change_at, c.schedule_at,
         lag(c.at) OVER previous AS previous_at,
         lag(c.news2_total) OVER previous AS previous_total,
         lag(c.news2_response) OVER previous AS previous_response,
         lag(c.sedation) OVER previous AS previous_sedation
  FROM carried c WHERE c.rank = 2
  WINDOW previous AS (PARTITION BY c.admission_id ORDER BY c.at)),
due AS (
  SELECT s.admission_id, s.at,
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
  FROM timed_sets s
  LEFT JOIN observation_schedules sch ON sch.admission_id = s.admission_id AND sch.set_at = s.schedule_at),
on_time AS (
  SELECT admission_id, count(due_at)::int AS on_time_assessed, count(*) FILTER (WHERE at <= due_at)::int AS on_time
  FROM due GROUP BY admission_id),
figures AS (
  SELECT c.id AS admission_id, coalesce(f.sets, 0) AS sets, f.sedation_rank,
         coalesce(f.side_effect_grades, '{}') AS side_effect_grades,
         coalesce(f.complete_news2, 0) AS complete_news2, coalesce(f.news2_high_sets, 0) AS news2_high_sets,
         coalesce(e.news2_episodes, 0) AS news2_episodes, coalesce(f.pump_checks, 0) AS pump_checks,
         coalesce(f.pump_discrepancies, 0) AS pump_discrepancies,
         coalesce(t.on_time_assessed, 0) AS on_time_assessed, coalesce(t.on_time, 0) AS on_time
  FROM stays c
  LEFT JOIN set_figures f ON f.admission_id = c.id
  LEFT JOIN episodes e ON e.admission_id = c.id
  LEFT JOIN on_time t ON t.admission_id = c.id)`;

// A stored summary counts only when made at the admission's current generation.
const CURRENT = 's.summarized_generation = s.generation';

export interface StaleStayRow {
  id: string;
  /** The generation the summary will be made at (0 when nothing has bumped it yet). */
  generation: string;
}

/** The cohort's discharged stays without a current summary, with their generation in this snapshot. */
export function staleStays(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<StaleStayRow[]> {
  return manager.query(
    `WITH ${COHORT}
     SELECT c.id, coalesce(s.generation, 0)::text AS generation FROM cohort c
     LEFT JOIN stay_summaries s ON s.admission_id = c.id
     WHERE c.status = 'discharged' AND (s.admission_id IS NULL OR s.summarized_generation IS DISTINCT FROM s.generation)`,
    serviceParameters(timeZone, filter),
  );
}

/**
 * Summarizes the given stays, each labelled with the generation that staleStays read, in a snapshot
 * no later than this statement's: a change committed after it was read has bumped the generation past
 * the label, so such a summary is never current and will be made again. Speed only: the report never relies on it
 * (staySummaryTotals summarizes live whatever is not current). The ids go in as an array, whose
 * length the planner sees: a few stays are looked up by index, thousands hashed.
 */
export async function refreshStaySummaries(manager: EntityManager, stays: StaleStayRow[]): Promise<void> {
  if (!stays.length) return;
  await manager.query(
    `WITH stays AS MATERIALIZED (SELECT * FROM unnest($1::uuid[], $2::bigint[]) AS t (id, generation)),
     ${STAY_FIGURES}
     INSERT INTO stay_summaries AS s (admission_id, generation, summarized_generation, ${SUMMARY_COLUMNS})
     SELECT f.admission_id, c.generation, c.generation, ${prefixed('f')}
     FROM figures f JOIN stays c ON c.id = f.admission_id
     ON CONFLICT (admission_id) DO UPDATE SET summarized_generation = excluded.summarized_generation,
       ${SUMMARY_COLUMNS.split(',')
         .map((column) => `${column.trim()} = excluded.${column.trim()}`)
         .join(', ')}`,
    [stays.map((stay) => stay.id), stays.map((stay) => stay.generation)],
  );
}

/** The cohort's stays that have no current stored summary: open, or changed since it was made. */
export async function unsummarizedStays(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `WITH ${COHORT}
     SELECT c.id FROM cohort c
     WHERE NOT EXISTS (SELECT 1 FROM stay_summaries s WHERE s.admission_id = c.id AND c.status = 'discharged' AND ${CURRENT})`,
    serviceParameters(timeZone, filter),
  );
  return rows.map((row) => row.id);
}

export interface StaySummaryTotalsRow {
  sets: number;
  admissions_with_sets: number;
  /** Admissions by their highest POSS level (S < 1 < 2 < 3 < 4); not-recorded: sets but no sedation. */
  highest_sedation: Record<string, number>;
  complete_news2: number;
  news2_high_sets: number;
  news2_episodes: number;
  news2_episode_admissions: number;
  pump_checks: number;
  pump_discrepancies: number;
  pump_discrepancy_admissions: number;
  assessed: number;
  on_time: number;
  /** For each side effect of SIDE_EFFECTS: the admissions by their worst grade (none graded: in none). */
  side_effects: { side_effect: string; none: number; mild: number; moderate: number; severe: number }[];
}

/**
 * The cohort's stays added up: the current stored summaries of discharged stays (ADR 9), and the
 * others (`unsummarized`, from unsummarizedStays in the same snapshot) summarized here and now.
 */
export function staySummaryTotals(
  manager: EntityManager,
  timeZone: string,
  filter: ServiceReportFilter,
  unsummarized: string[],
): Promise<StaySummaryTotalsRow[]> {
  return manager.query(
    `WITH ${COHORT},
     stored AS (
       SELECT s.admission_id, ${prefixed('s')} FROM cohort c
       JOIN stay_summaries s ON s.admission_id = c.id
       WHERE c.status = 'discharged' AND ${CURRENT}),
     stays AS MATERIALIZED (SELECT unnest($9::uuid[]) AS id),
     ${STAY_FIGURES},
     summaries AS (
       SELECT admission_id, ${SUMMARY_COLUMNS} FROM stored
       UNION ALL
       SELECT admission_id, ${SUMMARY_COLUMNS} FROM figures),
     sedation AS (
       SELECT coalesce(jsonb_object_agg(level, admissions), '{}') AS by_level FROM (
         SELECT coalesce((ARRAY['S', '1', '2', '3', '4'])[sedation_rank + 1], 'not-recorded') AS level,
                count(*)::int AS admissions
         FROM summaries WHERE sets > 0 GROUP BY 1
       ) levels)
     SELECT coalesce(sum(sets), 0)::int AS sets,
            count(*) FILTER (WHERE sets > 0)::int AS admissions_with_sets,
            (SELECT by_level FROM sedation) AS highest_sedation,
            coalesce(sum(complete_news2), 0)::int AS complete_news2,
            coalesce(sum(news2_high_sets), 0)::int AS news2_high_sets,
            coalesce(sum(news2_episodes), 0)::int AS news2_episodes,
            count(*) FILTER (WHERE news2_high_sets > 0)::int AS news2_episode_admissions,
            coalesce(sum(pump_checks), 0)::int AS pump_checks,
            coalesce(sum(pump_discrepancies), 0)::int AS pump_discrepancies,
            count(*) FILTER (WHERE pump_discrepancies > 0)::int AS pump_discrepancy_admissions,
            coalesce(sum(on_time_assessed), 0)::int AS assessed,
            coalesce(sum(on_time), 0)::int AS on_time,
            jsonb_build_array(${SIDE_EFFECTS.map(sideEffectCounts).join(', ')}) AS side_effects
     FROM summaries`,
    [...serviceParameters(timeZone, filter), unsummarized],
  );
}

/** The admissions by their worst grade of one side effect: the `index`th of SIDE_EFFECTS in the array. */
function sideEffectCounts(key: string, index: number): string {
  const count = (grade: number) => `count(*) FILTER (WHERE side_effect_grades[${index + 1}] = ${grade})`;
  return `jsonb_build_object('side_effect', '${key}', 'none', ${count(0)}, 'mild', ${count(1)},
            'moderate', ${count(2)}, 'severe', ${count(3)})`;
}

function prefixed(alias: string): string {
  return SUMMARY_COLUMNS.split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}
