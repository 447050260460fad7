import pg from 'pg';
import { calendarDateIn, scoreNews2 } from '@infusion-tracker/clinical';
import { outcomeRuleViolations, type BenefitReport } from '../follow-ups/outcome-rules.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { ForeignDataError, generateSyntheticData, type SyntheticOptions } from './synthetic-data.js';

describe('the synthetic-data generator', () => {
  const databases: TestDatabase[] = [];
  const clients: pg.Client[] = [];
  const now = new Date('2026-11-25T01:00:00.000Z');

  async function freshDatabase(): Promise<{ url: string; db: pg.Client }> {
    const database = await createTestDatabase();
    databases.push(database);
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    clients.push(db);
    return { url: database.url, db };
  }
  const options = (url: string, overrides: Partial<SyntheticOptions> = {}): SyntheticOptions => ({
    url,
    years: 0.1,
    wardAdmissions: 12,
    seed: 7,
    ward: 'Synthetic Ward',
    timeZone: 'Australia/Sydney',
    now,
    ...overrides,
  });

  afterAll(async () => {
    for (const client of clients) await client.end();
    for (const database of databases) await database.drop();
  });

  it('fills a database with past stays, an open ward, their orders, events and observation sets', async () => {
    const { url, db } = await freshDatabase();
    const summary = await generateSyntheticData(options(url));

    expect(summary).toMatchObject({ run: 1, admissions: 100 + 12, currentAdmissions: 12 });
    const counts = (
      await db.query(
        `SELECT
        (SELECT count(*)::int FROM admissions WHERE ward = 'Synthetic Ward' AND status NOT IN ('discharged', 'cancelled')) AS open,
        (SELECT count(*)::int FROM admissions WHERE status = 'discharged' AND discharged_at < $1) AS discharged,
        (SELECT count(*)::int FROM observation_sets) AS sets,
        (SELECT count(*)::int FROM observation_sets WHERE taken_at > $1) AS future_sets,
        (SELECT count(*)::int FROM users WHERE active) AS active_users,
        (SELECT min(n)::int FROM (SELECT count(*) AS n FROM infusion_orders o JOIN admissions a ON a.id = o.admission_id
           WHERE a.status = 'discharged' GROUP BY o.admission_id) x) AS fewest_orders,
        (SELECT count(*)::int FROM audit_events WHERE action = 'synthetic.generated') AS runs,
        (SELECT count(*)::int FROM audit_events) AS audit_rows`,
        [now],
      )
    ).rows[0];
    expect(counts).toMatchObject({ open: 12, future_sets: 0, active_users: 0, runs: 1, audit_rows: 1 });
    expect(counts.discharged).toBeGreaterThan(90);
    expect(counts.sets).toBe(summary.observationSets);
    expect(counts.sets).toBeGreaterThan(100 * 50);
    expect(counts.fewest_orders).toBeGreaterThanOrEqual(2);
    const statuses = (
      await db.query("SELECT DISTINCT status FROM admissions WHERE ward = 'Synthetic Ward'")
    ).rows.map((row) => row.status);
    expect(statuses).toEqual(
      expect.arrayContaining(['admitted', 'infusing', 'paused', 'infusion-stopped', 'discharged']),
    );

    // The stored NEWS2 is what scoreNews2 gives for the stored items, and a few sets are abnormal.
    const sample = await db.query(
      `SELECT respiration_rate, spo2, spo2_scale, supplemental_oxygen, systolic_bp, pulse, consciousness,
              temperature_c, news2, news2_total FROM observation_sets ORDER BY id LIMIT 300`,
    );
    for (const row of sample.rows) {
      const news2 = scoreNews2({
        respirationRate: row.respiration_rate,
        spo2: row.spo2,
        spo2Scale: row.spo2_scale,
        supplementalOxygen: row.supplemental_oxygen,
        systolicBp: row.systolic_bp,
        pulse: row.pulse,
        consciousness: row.consciousness,
        temperatureC: row.temperature_c === null ? null : Number(row.temperature_c),
      });
      expect(row.news2).toEqual(news2);
      expect(row.news2_total).toBe(news2.total);
    }
    const abnormal = (
      await db.query("SELECT count(*)::int AS n FROM observation_sets WHERE news2_response <> 'low'")
    ).rows[0].n;
    expect(abnormal).toBeGreaterThan(0);
  });

  it('follows up every discharge as the service would have: outcomes, calls, missed, ended, a live worklist', async () => {
    const { url, db } = await freshDatabase();
    const summary = await generateSyntheticData(options(url, { years: 2, admissionsPerYear: 150 }));
    const today = calendarDateIn(now, 'Australia/Sydney');
    const tz = 'Australia/Sydney';

    // Pain at discharge on every discharged stay (as the discharge records it), and only on those.
    const pain = (
      await db.query(
        `SELECT count(*) FILTER (WHERE status = 'discharged')::int AS discharged,
                count(*) FILTER (WHERE status = 'discharged' AND pain_at_discharge BETWEEN 0 AND baseline_pain
                                   AND discharge_summary LIKE 'Pain ' || pain_at_discharge || '/10 at discharge.%')::int AS with_pain,
                count(*) FILTER (WHERE status <> 'discharged' AND pain_at_discharge IS NOT NULL)::int AS others_with_pain
           FROM admissions`,
      )
    ).rows[0];
    expect(pain.with_pain).toBe(pain.discharged);
    expect(pain.others_with_pain).toBe(0);

    // The default schedule for every discharge, from its local discharge day, by its prescriber.
    const shape = (
      await db.query(
        `SELECT count(*)::int AS follow_ups,
                count(*) FILTER (WHERE f.due_on <> (a.discharged_at AT TIME ZONE $1)::date + 7 * f.weeks
                                    OR f.created_by <> a.admitting_prescriber_id OR a.status <> 'discharged')::int AS misdated,
                count(DISTINCT f.admission_id)::int AS admissions
           FROM follow_ups f JOIN admissions a ON a.id = f.admission_id`,
        [tz],
      )
    ).rows[0];
    expect(shape).toEqual({ follow_ups: 6 * pain.discharged, misdated: 0, admissions: pain.discharged });
    expect(summary.followUps).toBe(shape.follow_ups);

    // settled says what the rows say: done with an outcome, missed after the limit of failed calls,
    // cancelled by the admission's terminal event, after it, and every unsettled one ended then.
    const settled = (
      await db.query(
        `WITH state AS (
           SELECT f.*, a.discharged_at, (a.discharged_at AT TIME ZONE $2)::date AS discharged_on,
                  (SELECT count(*) FROM follow_up_outcomes o WHERE o.follow_up_id = f.id AND o.entered_in_error_at IS NULL) AS outcomes,
                  (SELECT count(*) FROM follow_up_attempts t WHERE t.follow_up_id = f.id AND t.result <> 'reached') AS failed,
                  (SELECT count(*) FROM follow_up_attempts t WHERE t.follow_up_id = f.id AND t.result = 'reached') AS reached,
                  c.follow_up_id IS NOT NULL AS cancelled, c.cancelled_at, c.terminal_event_id,
                  e.id AS event_id, e.recorded_at AS event_at, e."on" AS event_on
             FROM follow_ups f JOIN admissions a ON a.id = f.admission_id
             LEFT JOIN follow_up_cancellations c ON c.follow_up_id = f.id
             LEFT JOIN follow_up_terminal_events e ON e.admission_id = f.admission_id AND e.entered_in_error_at IS NULL
         )
         SELECT count(*) FILTER (WHERE settled = 'done')::int AS done,
                count(*) FILTER (WHERE settled = 'missed')::int AS missed,
                count(*) FILTER (WHERE settled = 'cancelled')::int AS cancelled,
                count(*) FILTER (WHERE settled IS NULL AND window_end < $1::date)::int AS overdue,
                count(*) FILTER (WHERE settled IS NULL AND window_start <= $1::date AND event_id IS NULL)::int AS due_or_overdue,
                count(*) FILTER (WHERE window_end < $1::date - 3 AND event_id IS NULL)::int AS closed,
                count(*) FILTER (WHERE NOT (
                  (settled = 'done') = (outcomes = 1 AND reached = 1)
                  AND (settled = 'missed') = (NOT cancelled AND outcomes = 0 AND failed >= failed_attempt_limit)
                  AND (settled = 'cancelled') = cancelled
                  AND (settled IS NULL) = (outcomes = 0 AND NOT cancelled AND failed < failed_attempt_limit)
                  AND (NOT cancelled OR (terminal_event_id = event_id AND cancelled_at >= event_at))
                  AND (event_id IS NULL OR outcomes = 1 OR cancelled)
                  AND (event_id IS NULL OR (event_on BETWEEN discharged_on AND $1::date AND event_at <= $3))
                ))::int AS inconsistent
           FROM state`,
        [today, tz, now],
      )
    ).rows[0];
    expect(settled.inconsistent).toBe(0);
    expect(settled.overdue).toBeGreaterThanOrEqual(0);
    expect(settled.due_or_overdue).toBe(summary.followUpsDueOrOverdue);
    expect(settled.due_or_overdue).toBeGreaterThan(0);
    const closedDone = (
      await db.query(
        `SELECT count(*) FILTER (WHERE f.settled = 'done')::float / count(*) AS done,
                count(*) FILTER (WHERE f.settled = 'missed')::float / count(*) AS missed
           FROM follow_ups f
          WHERE f.window_end < $1::date - 3
            AND NOT EXISTS (SELECT 1 FROM follow_up_terminal_events e WHERE e.admission_id = f.admission_id)`,
        [today],
      )
    ).rows[0];
    expect(closedDone.done).toBeGreaterThan(0.85);
    expect(closedDone.missed).toBeGreaterThan(0.03);
    expect(closedDone.done + closedDone.missed).toBe(1);

    // A few terminal events (readmissions, losses), each cancelling the follow-ups left.
    const events = (
      await db.query('SELECT kind, count(*)::int AS n FROM follow_up_terminal_events GROUP BY kind')
    ).rows;
    const kinds = Object.fromEntries(events.map((row) => [row.kind, row.n]));
    expect(kinds.readmitted).toBeGreaterThan(0);
    expect(kinds.lost).toBeGreaterThan(0);
    expect(summary.terminalEvents).toBe(events.reduce((sum, row) => sum + row.n, 0));
    expect(summary.terminalEvents).toBeLessThan(pain.discharged * 0.3);

    // Calls between discharge and now; outcomes recorded after their call, dated in the window's days.
    const times = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM follow_up_attempts t JOIN follow_ups f ON f.id = t.follow_up_id
                   JOIN admissions a ON a.id = f.admission_id WHERE t.at < a.discharged_at OR t.at > $1) AS calls_out_of_time,
                (SELECT count(*)::int FROM follow_up_outcomes o JOIN follow_up_attempts t ON t.follow_up_id = o.follow_up_id
                   AND t.result = 'reached' WHERE o.recorded_at < t.at OR o.assessed_on <> (t.at AT TIME ZONE $2)::date) AS outcomes_out_of_time`,
        [now, tz],
      )
    ).rows[0];
    expect(times).toEqual({ calls_out_of_time: 0, outcomes_out_of_time: 0 });

    // Every outcome passes the server's rules against the admission's others: none before discharge or
    // after today, no "ongoing" after an ended benefit without benefitReturned, end dates in order.
    const outcomes = (
      await db.query(
        `SELECT o.admission_id, o.assessed_on::text, o.benefit_ongoing, o.benefit_returned, o.benefit_ended_on::text,
                o.benefit_ended_on_approximate, o.pain_now, o.pgic, (a.discharged_at AT TIME ZONE $1)::date::text AS discharged_on
           FROM follow_up_outcomes o JOIN admissions a ON a.id = o.admission_id ORDER BY o.admission_id, o.assessed_on`,
        [tz],
      )
    ).rows;
    expect(outcomes.length).toBe(summary.followUpOutcomes);
    const byAdmission = new Map<string, (BenefitReport & { dischargedOn: string })[]>();
    for (const row of outcomes) {
      const report = {
        assessedOn: row.assessed_on,
        benefitOngoing: row.benefit_ongoing,
        benefitReturned: row.benefit_returned,
        benefitEndedOn: row.benefit_ended_on,
        benefitEndedOnApproximate: row.benefit_ended_on_approximate,
        dischargedOn: row.discharged_on,
      };
      byAdmission.set(row.admission_id, [...(byAdmission.get(row.admission_id) ?? []), report]);
    }
    const violations = [...byAdmission.values()].flatMap((reports) =>
      reports.flatMap((report) =>
        outcomeRuleViolations(report, {
          dischargedOn: report.dischargedOn,
          today,
          others: reports.filter((other) => other !== report),
        }).map((error) => ({ report, error })),
      ),
    );
    expect(violations).toEqual([]);
    // Responders and not: benefit ongoing in some outcomes, ended in others, returned in a few.
    const ongoing = outcomes.filter((row) => row.benefit_ongoing).length / outcomes.length;
    expect(ongoing).toBeGreaterThan(0.3);
    expect(ongoing).toBeLessThan(0.8);
    expect(outcomes.some((row) => row.benefit_returned === true)).toBe(true);
    expect(outcomes.filter((row) => row.pgic <= 3).length).toBeGreaterThan(0);
    expect(outcomes.filter((row) => row.pgic >= 4).length).toBeGreaterThan(0);
  });

  it('gives the same rows for the same seed and instant, and other rows for another seed', async () => {
    const fingerprint = async (seed: number) => {
      const { url, db } = await freshDatabase();
      await generateSyntheticData(options(url, { years: 0.02, seed }));
      return (
        await db.query(
          `SELECT md5(string_agg(id::text || taken_at::text || news2::text || flags::text, ',' ORDER BY id)) AS sets,
                  (SELECT md5(string_agg(mrn || family_name || date_of_birth::text, ',' ORDER BY mrn)) FROM patients) AS patients
           FROM observation_sets`,
        )
      ).rows[0];
    };
    const first = await fingerprint(11);
    expect(await fingerprint(11)).toEqual(first);
    expect((await fingerprint(12)).sets).not.toBe(first.sets);
  });

  it('refuses a database holding users it did not make, and writes nothing there unless forced', async () => {
    const { url, db } = await freshDatabase();
    await db.query(
      "INSERT INTO users (username, display_name, roles, password_hash) VALUES ('real-nurse', 'A nurse', ARRAY['nurse'], 'x')",
    );
    await expect(generateSyntheticData(options(url, { years: 0 }))).rejects.toThrow(ForeignDataError);
    const written = (await db.query('SELECT (SELECT count(*)::int FROM admissions) AS admissions')).rows[0];
    expect(written.admissions).toBe(0);

    const forced = await generateSyntheticData(options(url, { years: 0, force: true }));
    expect(forced.admissions).toBe(12);
  });

  it('refuses to run twice on its own database unless forced, then adds a second run', async () => {
    const { url, db } = await freshDatabase();
    await generateSyntheticData(options(url, { years: 0 }));
    await expect(generateSyntheticData(options(url, { years: 0 }))).rejects.toThrow(
      /already holds synthetic data/,
    );
    const second = await generateSyntheticData(options(url, { years: 0, force: true }));
    expect(second.run).toBe(2);
    const open = (
      await db.query(
        "SELECT count(*)::int AS n FROM admissions WHERE status NOT IN ('discharged', 'cancelled')",
      )
    ).rows[0].n;
    expect(open).toBe(24);
  });
});
