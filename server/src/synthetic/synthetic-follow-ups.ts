import pg from 'pg';
import { PGIC_WORDING_ID } from '@infusion-tracker/clinical';

export interface SyntheticFollowUpCounts {
  followUps: number;
  attempts: number;
  outcomes: number;
  terminalEvents: number;
  cancellations: number;
  /** Not settled, window opened by today, no terminal event: the worklist's due and overdue ones. */
  dueOrOverdue: number;
}

export interface SyntheticFollowUpOptions {
  timeZone: string;
  /** The ward's local date of `now`. */
  today: string;
  /** Draws are hashes of row ids salted with this (the seed and run): the same salt, the same rows. */
  salt: string;
  /** The admissions of this run are those of its prescribers. */
  prescribers: string[];
  nurses: string[];
}

/**
 * A uniform draw in [0, 1) for one row and one purpose, from a hash of the row's key and the salt ($3):
 * set-based SQL has no sequence of random numbers to share, so each decision hashes its own name.
 */
const draw = (key: string, name: string) =>
  `((hashtext(${key}::text || ':${name}:' || $3::text) & 2147483647) / 2147483648.0)`;
/** A whole number from `low` to `high` inclusive. */
const between = (key: string, name: string, low: number, high: number) =>
  `(${low} + floor(${draw(key, name)} * ${high - low + 1}))::int`;
const pickText = (key: string, name: string, choices: readonly string[]) =>
  `(ARRAY[${choices.map((choice) => `'${choice.replace(/'/g, "''")}'`).join(', ')}])[1 + floor(${draw(key, name)} * ${choices.length})::int]`;
/** A nurse of the run, by hash. */
const nurse = (key: string, name: string) =>
  `($5::uuid[])[1 + floor(${draw(key, name)} * cardinality($5::uuid[]))::int]`;
/** That local date at a local time of day between 09:00 and 16:00, as an instant. */
const duringTheDay = (date: string, key: string, name: string) =>
  `((${date}) + make_interval(mins => ${between(key, name, 9 * 60, 16 * 60)})) AT TIME ZONE $1::text`;

const TERMINAL_WORDS = `CASE p.ending_kind WHEN 'lost' THEN 'Lost to follow-up' WHEN 'died' THEN 'Patient died'
  WHEN 'withdrew' THEN 'Patient withdrew consent' ELSE 'Readmitted for another infusion' END`;

/**
 * The schedule in force (the highest version, as the server's discharge uses) and each discharged stay
 * of the run: its local discharge day, whether it responds and until when the benefit lasts (a
 * responder from 2 weeks to beyond 26 weeks, a non-responder days at most; a few responders' benefit
 * comes back later), and how its follow-up ends early, if it does: readmission for another infusion
 * (the patient's next stay, within the 26 weeks), about 1 in 25 lost to follow-up during a call
 * window, 1 in 200 withdrawing, 1 in 300 dying. Events dated today or later are not recorded yet.
 */
const SCHEDULE_SQL = `
  CREATE TEMP TABLE synthetic_schedule ON COMMIT DROP AS
  SELECT v.version, v.failed_attempt_limit, x.n::int AS n, (x.item ->> 'weeks')::int AS weeks,
         (x.item ->> 'windowDays')::int AS window_days
    FROM (SELECT * FROM follow_up_schedule_versions ORDER BY version DESC LIMIT 1) v,
         jsonb_array_elements(v.items) WITH ORDINALITY x (item, n)`;

const PLAN_SQL = `
  CREATE TEMP TABLE synthetic_follow_up_plans ON COMMIT DROP AS
  WITH stays AS (
    SELECT a.id, a.status, a.admitting_prescriber_id, a.discharged_at, a.baseline_pain, a.pain_at_discharge,
           lead(a.admitted_at) OVER same_patient AS next_admitted_at,
           lead(a.admitting_prescriber_id) OVER same_patient AS next_prescriber_id
      FROM admissions a
     WHERE a.admitting_prescriber_id = ANY($4::uuid[]) AND a.status <> 'cancelled'
    WINDOW same_patient AS (PARTITION BY a.patient_id ORDER BY a.admitted_at)
  ),
  discharged AS (
    SELECT s.*, (s.discharged_at AT TIME ZONE $1::text)::date AS discharged_on,
           ${draw('s.id', 'responder')} >= 0.25 AS responder, ${draw('s.id', 'ending')} AS ending_draw
      FROM stays s WHERE s.status = 'discharged' AND s.discharged_at IS NOT NULL
  ),
  benefit AS (
    SELECT d.*,
           d.discharged_on + CASE WHEN d.responder THEN ${between('d.id', 'benefit-days', 14, 240)}
                                  ELSE ${between('d.id', 'benefit-days', 0, 6)} END AS benefit_end,
           ${draw('d.id', 'approximate')} < 0.4 AS benefit_end_approximate,
           CASE
             WHEN d.next_admitted_at IS NOT NULL
                  AND (d.next_admitted_at AT TIME ZONE $1::text)::date
                      <= d.discharged_on + (SELECT max(7 * weeks + window_days) FROM synthetic_schedule) THEN 'readmitted'
             WHEN d.ending_draw < 0.0033 THEN 'died'
             WHEN d.ending_draw < 0.0083 THEN 'withdrew'
             WHEN d.ending_draw < 0.0483 THEN 'lost'
           END AS kind
      FROM discharged d
  ),
  ending AS (
    SELECT b.*,
           CASE b.kind
             WHEN 'readmitted' THEN (b.next_admitted_at AT TIME ZONE $1::text)::date
             WHEN 'died' THEN b.discharged_on + ${between('b.id', 'ending-day', 20, 180)}
             WHEN 'withdrew' THEN b.discharged_on + ${between('b.id', 'ending-day', 10, 100)}
             -- Lost during the window of the 2nd to 5th follow-up, after calls on its first days.
             WHEN 'lost' THEN (
               SELECT b.discharged_on + 7 * s.weeks - s.window_days + least(3, 2 * s.window_days)
                 FROM synthetic_schedule s
                WHERE s.n = least(${between('b.id', 'lost-during', 2, 5)}, (SELECT max(n) FROM synthetic_schedule)))
           END AS kind_on
      FROM benefit b
  )
  SELECT e.id AS admission_id, e.admitting_prescriber_id AS prescriber_id, e.discharged_at, e.discharged_on,
         e.baseline_pain, coalesce(e.pain_at_discharge, e.baseline_pain) AS pain_at_discharge, e.responder,
         e.benefit_end, e.benefit_end_approximate,
         CASE WHEN e.responder AND e.benefit_end < e.discharged_on + 70 AND ${draw('e.id', 'returns')} < 0.15
              THEN e.benefit_end + ${between('e.id', 'returns-after', 14, 42)} END AS benefit_returns_on,
         recorded.kind AS ending_kind,
         CASE WHEN recorded.kind IS NOT NULL THEN md5(e.id::text || ':terminal-event:' || $3::text)::uuid END AS ending_id,
         CASE WHEN recorded.kind IS NOT NULL THEN e.kind_on END AS ending_on,
         CASE recorded.kind
           WHEN 'readmitted' THEN 'Admitted for another infusion'
           WHEN 'died' THEN ${pickText('e.id', 'died-reason', ['Died of an unrelated cause; letter from the GP', 'Died in hospital of an unrelated illness'])}
           WHEN 'withdrew' THEN 'Asked not to be called again'
           WHEN 'lost' THEN 'No answer on any number; letter returned'
         END AS ending_reason,
         CASE WHEN recorded.kind = 'readmitted' THEN e.next_prescriber_id WHEN recorded.kind IS NOT NULL THEN ${nurse('e.id', 'ending-by')} END AS ending_by,
         CASE WHEN recorded.kind = 'readmitted' THEN e.next_admitted_at
              WHEN recorded.kind IS NOT NULL THEN (e.kind_on + time '11:00') AT TIME ZONE $1::text END AS ending_at
    FROM ending e
    CROSS JOIN LATERAL (
      SELECT CASE WHEN e.kind = 'readmitted' OR e.kind_on < $2::date THEN e.kind END AS kind
    ) recorded`;

/**
 * Every follow-up of the schedule for each planned stay, and what became of it by today:
 * - 'ended': its window had not closed when the follow-up ended (cancelled; lost ones after two calls);
 * - 'open': upcoming, opened today, or (about 1 in 8 of those open today, 1 in 10 of those closed in
 *   the last 3 days) not reached yet, for the worklist, some after a failed call;
 * - 'missed': about 1 in 12 of those whose window closed, after as many failed calls as the limit;
 * - 'done': reached on a day around the due date (before today) and an outcome recorded.
 * settled is what the server caches: done, missed, or cancelled when a terminal event ended the
 * follow-up of the admission (the server cancels every follow-up without an outcome, missed ones too).
 */
const FOLLOW_UPS_SQL = `
  CREATE TEMP TABLE synthetic_follow_ups ON COMMIT DROP AS
  WITH items AS (
    SELECT p.*, s.version, s.failed_attempt_limit, s.weeks, s.window_days,
           md5(p.admission_id::text || ':follow-up:' || s.weeks || ':' || $3::text)::uuid AS id,
           p.discharged_on + 7 * s.weeks AS due_on,
           p.discharged_on + 7 * s.weeks - s.window_days AS window_start,
           p.discharged_on + 7 * s.weeks + s.window_days AS window_end
      FROM synthetic_follow_up_plans p CROSS JOIN synthetic_schedule s
  ),
  fated AS (
    SELECT i.*,
           CASE
             WHEN i.ending_kind IS NOT NULL AND i.window_end >= i.ending_on THEN 'ended'
             WHEN i.window_start >= $2::date THEN 'open'
             WHEN i.window_end >= $2::date - 3
                  AND ${draw('i.id', 'open')} < CASE WHEN i.window_end >= $2::date THEN 0.12 ELSE 0.1 END THEN 'open'
             WHEN i.window_end < $2::date AND ${draw('i.id', 'missed')} < 0.08 THEN 'missed'
             ELSE 'done'
           END AS fate
      FROM items i
  ),
  assessed AS (
    SELECT f.*,
           CASE WHEN f.fate = 'done' THEN least(greatest(
             f.due_on + floor(${draw('f.id', 'assessed')} * (2 * ((2 * f.window_days + 1) / 3) + 1))::int
                      - (2 * f.window_days + 1) / 3,
             f.window_start), $2::date - 1) END AS assessed_on
      FROM fated f
  )
  SELECT a.*,
         CASE WHEN a.fate = 'done' THEN 'done' WHEN a.ending_kind IS NOT NULL THEN 'cancelled'
              WHEN a.fate = 'missed' THEN 'missed' END AS settled,
         CASE WHEN ${draw('a.id', 'method')} < 0.6 THEN 'phone' WHEN ${draw('a.id', 'method')} < 0.8 THEN 'clinic'
              ELSE 'video' END AS method,
         ${nurse('a.id', 'nurse')} AS nurse_id,
         CASE WHEN a.fate = 'done' THEN ${duringTheDay('a.assessed_on', 'a.id', 'called-at')} END AS reached_at
    FROM assessed a`;

const INSERT_SQL = [
  `INSERT INTO follow_up_terminal_events (id, admission_id, kind, "on", reason, recorded_by, recorded_at)
   SELECT p.ending_id, p.admission_id, p.ending_kind, p.ending_on, p.ending_reason, p.ending_by, p.ending_at
     FROM synthetic_follow_up_plans p WHERE p.ending_kind IS NOT NULL`,
  `INSERT INTO follow_ups (id, admission_id, kind, weeks, schedule_version, failed_attempt_limit, due_on,
                           window_start, window_end, reason, settled, created_by, created_at)
   SELECT f.id, f.admission_id, 'scheduled', f.weeks, f.version, f.failed_attempt_limit, f.due_on,
          f.window_start, f.window_end, NULL, f.settled, f.prescriber_id, f.discharged_at
     FROM synthetic_follow_ups f ORDER BY f.discharged_at, f.weeks`,
  // Calls: for some done ones a failed call the day before; every missed one's calls spread over its
  // window; a failed call already on some still open; two unanswered calls before a patient was lost.
  `INSERT INTO follow_up_attempts (id, follow_up_id, method, at, result, note, recorded_by, recorded_at)
   SELECT md5(f.id::text || ':attempt:' || c.n || ':' || $3::text)::uuid, f.id, c.method, c.at, c.result, c.note,
          f.nurse_id, c.at + interval '4 minutes'
     FROM synthetic_follow_ups f
     CROSS JOIN LATERAL (
       SELECT 0 AS n, 'phone' AS method, f.reached_at - interval '1 day' AS at, 'no-answer' AS result, NULL AS note
        WHERE f.fate = 'done' AND ${draw('f.id', 'failed-first')} < 0.3
       UNION ALL
       SELECT 1, f.method, f.reached_at, 'reached', NULL WHERE f.fate = 'done'
       UNION ALL
       SELECT n, 'phone',
              ${duringTheDay('f.window_start + (n * (f.window_end - f.window_start)) / f.failed_attempt_limit', "(f.id::text || ':' || n)", 'call')},
              CASE WHEN n % 3 = 1 THEN 'message-left' ELSE 'no-answer' END, NULL
         FROM generate_series(0, f.failed_attempt_limit - 1) n WHERE f.fate = 'missed'
       UNION ALL
       SELECT 0, 'phone', ${duringTheDay('f.window_start', 'f.id', 'call-0')}, 'no-answer', 'Rang twice, no voicemail'
        WHERE f.fate = 'open' AND f.window_start < $2::date AND f.failed_attempt_limit > 1
          AND ${draw('f.id', 'failed-open')} < 0.4
       UNION ALL
       SELECT n, 'phone', ${duringTheDay('f.window_start + n', "(f.id::text || ':' || n)", 'call')}, 'no-answer', NULL
         FROM generate_series(0, 1) n
        WHERE f.fate = 'ended' AND f.ending_kind = 'lost' AND f.window_start + n < f.ending_on
     ) c`,
  // Outcomes: benefit ongoing until the stay's benefit ends (and again once it returns, saying so),
  // ended on that one date in every later outcome; pain near discharge pain while it lasts, drifting
  // back towards baseline after.
  `INSERT INTO follow_up_outcomes (id, follow_up_id, admission_id, assessed_on, method, pain_now, pain_worst_week,
                                   pgic, pgic_wording, benefit_ongoing, benefit_returned, benefit_ended_on,
                                   benefit_ended_on_approximate, medication_changes, adverse_effects,
                                   adverse_effects_grade, readmission_planned, comment, instruments,
                                   recorded_by, recorded_at)
   WITH done AS (
     SELECT f.*, (f.assessed_on < f.benefit_end OR coalesce(f.assessed_on >= f.benefit_returns_on, false)) AS ongoing
       FROM synthetic_follow_ups f WHERE f.fate = 'done'
   ),
   reported AS (
     SELECT d.*,
            coalesce(bool_or(NOT d.ongoing) OVER (PARTITION BY d.admission_id ORDER BY d.assessed_on
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS ended_earlier,
            CASE WHEN d.ongoing THEN least(10, greatest(0, d.pain_at_discharge + ${between('d.id', 'pain', -1, 1)}))
                 ELSE least(10, greatest(d.pain_at_discharge, d.baseline_pain - ${between('d.id', 'pain', 0, 2)})) END AS pain_now,
            ${draw('d.id', 'adverse')} < 0.1 AS adverse
       FROM done d
   )
   SELECT md5(r.id::text || ':outcome:' || $3::text)::uuid, r.id, r.admission_id, r.assessed_on, r.method, r.pain_now,
          least(10, r.pain_now + ${between('r.id', 'worst', 0, 2)}),
          CASE WHEN r.ongoing THEN ${between('r.id', 'pgic', 1, 3)} ELSE ${between('r.id', 'pgic', 4, 5)} END, $6::text,
          r.ongoing, CASE WHEN r.ongoing AND r.ended_earlier THEN true END,
          CASE WHEN NOT r.ongoing THEN r.benefit_end END, NOT r.ongoing AND r.benefit_end_approximate,
          CASE WHEN ${draw('r.id', 'medication')} < 0.15 THEN ${pickText('r.id', 'medication-text', [
            'Stopped pregabalin',
            'Reduced oxycodone by half',
            'Started amitriptyline 10 mg at night',
            'Weaned off tapentadol',
          ])} END,
          CASE WHEN r.adverse THEN ${pickText('r.id', 'adverse-text', [
            'Vivid dreams for two nights after discharge',
            'Mild nausea for a day',
            'Bladder discomfort, settled',
          ])} END,
          CASE WHEN NOT r.adverse THEN 'none' WHEN ${draw('r.id', 'grade')} < 0.8 THEN 'mild' ELSE 'moderate' END,
          CASE WHEN NOT r.ongoing AND r.responder THEN ${draw('r.id', 'again')} < 0.5 END,
          NULL, '[]'::jsonb, r.nurse_id, r.reached_at + interval '12 minutes'
     FROM reported r`,
  `INSERT INTO follow_up_cancellations (follow_up_id, reason, terminal_event_id, cancelled_by, cancelled_at)
   SELECT f.id, ${TERMINAL_WORDS.replace(/p\./g, 'f.')} || ': ' || f.ending_reason, f.ending_id, f.ending_by, f.ending_at
     FROM synthetic_follow_ups f WHERE f.settled = 'cancelled'`,
];

/**
 * Follow-ups after discharge for every discharged stay of the run, written set-based (INSERT ...
 * SELECT) once its admissions are in: the schedule from the local discharge day, calls, outcomes,
 * terminal events and the cancellations they make, as the server would have recorded them (ADR 4,
 * server/src/follow-ups), with the demo's distributions (demo-follow-ups.ts), and a live worklist today.
 * Runs in the caller's transaction.
 */
export async function writeSyntheticFollowUps(
  client: pg.ClientBase,
  options: SyntheticFollowUpOptions,
): Promise<SyntheticFollowUpCounts> {
  // As literals, not parameters: several statements use only some of them, and PostgreSQL cannot type
  // a parameter a statement does not use.
  const uuids = (ids: string[]) => `{${ids.map((id) => id.replace(/[^0-9a-f-]/gi, '')).join(',')}}`;
  const literals = [
    options.timeZone,
    options.today,
    options.salt,
    uuids(options.prescribers),
    uuids(options.nurses),
    PGIC_WORDING_ID,
  ].map((value) => pg.escapeLiteral(value));
  const run = (sql: string) =>
    client.query(sql.replace(/\$(\d)/g, (_, n: string) => literals[Number(n) - 1]));
  // These statements are cheap but their plans look dear (every hashed draw is an expression):
  // compiling them (JIT) took several times longer than running them.
  await client.query('SET LOCAL jit = off');
  await run(SCHEDULE_SQL);
  await run(PLAN_SQL);
  await run(FOLLOW_UPS_SQL);
  for (const sql of INSERT_SQL) await run(sql);
  const { rows } = await client.query(
    `SELECT count(*)::int AS follow_ups,
            count(*) FILTER (WHERE settled IS NULL AND window_start <= $1::date AND ending_kind IS NULL)::int AS due_or_overdue,
            count(*) FILTER (WHERE settled = 'cancelled')::int AS cancellations,
            (SELECT count(*)::int FROM synthetic_follow_up_plans WHERE ending_kind IS NOT NULL) AS terminal_events,
            count(*) FILTER (WHERE fate = 'done')::int AS outcomes
       FROM synthetic_follow_ups`,
    [options.today],
  );
  const attempts = await client.query(
    'SELECT count(*)::int AS n FROM follow_up_attempts WHERE follow_up_id IN (SELECT id FROM synthetic_follow_ups)',
  );
  await client.query('DROP TABLE synthetic_follow_ups, synthetic_follow_up_plans, synthetic_schedule');
  return {
    followUps: rows[0].follow_ups,
    attempts: attempts.rows[0].n,
    outcomes: rows[0].outcomes,
    terminalEvents: rows[0].terminal_events,
    cancellations: rows[0].cancellations,
    dueOrOverdue: rows[0].due_or_overdue,
  };
}
