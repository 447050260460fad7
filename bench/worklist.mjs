// The follow-up worklist benchmark (issue 9), a section of `npm run bench` (`--only worklist`): on the
// database of `--years` of synthetic history, follow-ups are written straight to the database (the
// synthetic generator does not make them yet), then GET /api/follow-ups is measured sequentially and at
// 10 concurrent connections, for this build and, with `--compare-dist DIR`, another build beside it.

/**
 * The default schedule (weeks 1, 2, 4, 8, 12, 26; ±3 days up to week 4, ±7 after) for every discharged
 * admission, dated from its local discharge day. Windows closed more than 3 days ago are settled (about
 * 9 in 10 done with an outcome and a reached attempt, the rest missed after 3 failed attempts); of the
 * windows open today, about 4 in 5 are already done, as a service calling early in the window would
 * have it. Returns the counts.
 */
export async function fillFollowUps(client, { nurseId, timeZone }) {
  await client.query('BEGIN');
  // A deterministic draw in [0, 1) per follow-up, from its admission and week.
  const draw = `((hashtext(f.admission_id::text || ':' || f.weeks) & 1023) / 1024.0)`;
  await client.query(
    `INSERT INTO follow_ups (admission_id, kind, weeks, schedule_version, failed_attempt_limit, due_on,
                             window_start, window_end, settled, created_by, created_at)
     SELECT a.id, 'scheduled', s.weeks, 1, 3, d.due_on, d.due_on - s.window_days, d.due_on + s.window_days,
            NULL, $2::uuid, a.discharged_at
       FROM admissions a
      CROSS JOIN (VALUES (1, 3), (2, 3), (4, 3), (8, 7), (12, 7), (26, 7)) s (weeks, window_days)
      CROSS JOIN LATERAL (SELECT (a.discharged_at AT TIME ZONE $1::text)::date + 7 * s.weeks AS due_on) d
      WHERE a.status = 'discharged' AND a.discharged_at IS NOT NULL`,
    [timeZone, nurseId],
  );
  await client.query(
    `UPDATE follow_ups f SET settled = CASE
        WHEN f.window_end < today - 3 THEN CASE WHEN ${draw} < 0.9 THEN 'done' ELSE 'missed' END
        WHEN f.window_start <= today AND ${draw} < 0.8 THEN 'done'
      END
       FROM (SELECT (now() AT TIME ZONE $1::text)::date AS today) t`,
    [timeZone],
  );
  await client.query(
    `INSERT INTO follow_up_attempts (follow_up_id, method, at, result, recorded_by)
     SELECT f.id, 'phone', (f.due_on + time '10:00') AT TIME ZONE $1::text, 'reached', $2::uuid
       FROM follow_ups f WHERE f.settled = 'done'
     UNION ALL
     SELECT f.id, 'phone', (f.due_on + n + time '10:00') AT TIME ZONE $1::text, 'no-answer', $2::uuid
       FROM follow_ups f CROSS JOIN generate_series(-2, 0) n WHERE f.settled = 'missed'`,
    [timeZone, nurseId],
  );
  await client.query(
    `INSERT INTO follow_up_outcomes (follow_up_id, admission_id, assessed_on, method, pain_now, pain_worst_week,
                                     benefit_ongoing, benefit_ended_on, adverse_effects_grade, recorded_by)
     SELECT f.id, f.admission_id, least(f.due_on, (now() AT TIME ZONE $1::text)::date), 'phone',
            2 + (hashtext(f.id::text) & 7), 6, f.weeks < 8, CASE WHEN f.weeks >= 8 THEN f.window_start - 7 * (f.weeks / 2) END,
            'none', $2::uuid
       FROM follow_ups f WHERE f.settled = 'done'`,
    [timeZone, nurseId],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE follow_ups, follow_up_attempts, follow_up_outcomes');
  const { rows } = await client.query(
    `SELECT count(*)::int AS follow_ups,
            count(*) FILTER (WHERE settled IS NULL AND window_start <= (now() AT TIME ZONE $1::text)::date)::int AS due_or_overdue,
            (SELECT count(*)::int FROM follow_up_attempts) AS attempts,
            (SELECT count(*)::int FROM follow_up_outcomes) AS outcomes
       FROM follow_ups`,
    [timeZone],
  );
  return rows[0];
}
