import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

/** The database itself refuses what the follow-up rules forbid, whatever code path writes. */
describe('follow-up tables', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let userId: string;
  let admissionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    userId = (
      await client.query(
        `INSERT INTO users (username, display_name, roles, password_hash) VALUES ('schema-user', 'U', '{prescriber}', 'x') RETURNING id`,
      )
    ).rows[0].id;
    const patientId = (
      await client.query(
        `INSERT INTO patients (mrn, family_name, given_name, date_of_birth, sex, created_by)
         VALUES ('MRN-1', 'A', 'B', '1970-01-01', 'female', $1) RETURNING id`,
        [userId],
      )
    ).rows[0].id;
    admissionId = (
      await client.query(
        `INSERT INTO admissions (patient_id, ward, bed, indication, drug, admitting_prescriber_id, admitted_at,
           planned_days, baseline_pain, status, discharged_at, pain_at_discharge)
         VALUES ($1, 'W', '1', 'crps', 'ketamine', $2, now() - interval '5 days', 5, 8, 'discharged', now(), 3)
         RETURNING id`,
        [patientId, userId],
      )
    ).rows[0].id;
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('seeds the default schedule as version 1', async () => {
    const { rows } = await client.query(
      'SELECT version, items, failed_attempt_limit FROM follow_up_schedule_versions',
    );
    expect(rows).toEqual([
      {
        version: 1,
        items: [
          { weeks: 1, windowDays: 3 },
          { weeks: 2, windowDays: 3 },
          { weeks: 4, windowDays: 3 },
          { weeks: 8, windowDays: 7 },
          { weeks: 12, windowDays: 7 },
          { weeks: 26, windowDays: 7 },
        ],
        failed_attempt_limit: 3,
      },
    ]);
  });

  async function refuses(sql: string, params: unknown[], constraint: string) {
    await expect(client.query(sql, params)).rejects.toMatchObject({ constraint });
  }

  const followUp = (values: string) =>
    `INSERT INTO follow_ups (admission_id, kind, weeks, schedule_version, failed_attempt_limit, due_on, window_start, window_end, reason, created_by)
     VALUES ($1, ${values}, $2) RETURNING id`;

  it('refuses a window that is not centred on the due date, and scheduled rows without weeks', async () => {
    await refuses(
      followUp(`'scheduled', 1, 1, 3, '2026-11-21', '2026-11-18', '2026-11-23', NULL`),
      [admissionId, userId],
      'follow_ups_window_around_due',
    );
    await refuses(
      followUp(`'scheduled', NULL, 1, 3, '2026-11-21', '2026-11-18', '2026-11-24', NULL`),
      [admissionId, userId],
      'follow_ups_scheduled_has_weeks',
    );
    await refuses(
      followUp(`'extra', NULL, 1, 3, '2026-11-21', '2026-11-18', '2026-11-24', ' '`),
      [admissionId, userId],
      'follow_ups_extra_has_reason',
    );
  });

  it('refuses outcomes out of range, or inconsistent about benefit, and a second current outcome', async () => {
    const id = (
      await client.query(followUp(`'scheduled', 1, 1, 3, '2026-11-21', '2026-11-18', '2026-11-24', NULL`), [
        admissionId,
        userId,
      ])
    ).rows[0].id;
    const outcome = (columns: string, values: string) =>
      `INSERT INTO follow_up_outcomes (follow_up_id, admission_id, assessed_on, method, recorded_by, ${columns})
       VALUES ($1, $2, '2026-11-21', 'phone', $3, ${values})`;
    const params = [id, admissionId, userId];
    await refuses(
      outcome('pain_now, benefit_ongoing', '11, true'),
      params,
      'follow_up_outcomes_pain_now_nrs',
    );
    await refuses(
      outcome('pain_now, benefit_ongoing, pgic, pgic_wording', "3, true, 8, 'w'"),
      params,
      'follow_up_outcomes_pgic_range',
    );
    await refuses(outcome('pain_now, benefit_ongoing', '3, false'), params, 'follow_up_outcomes_benefit_end');
    await refuses(
      outcome('pain_now, benefit_ongoing, benefit_ended_on', "3, false, '2026-11-22'"),
      params,
      'follow_up_outcomes_benefit_end_not_after_assessment',
    );
    await refuses(
      outcome('pain_now, benefit_ongoing, pgic', '3, true, 2'),
      params,
      'follow_up_outcomes_pgic_wording',
    );
    await client.query(outcome('pain_now, benefit_ongoing', '3, true'), params);
    await refuses(outcome('pain_now, benefit_ongoing', '4, true'), params, 'follow_up_outcomes_one_current');
  });

  it('refuses malformed phone numbers on a patient', async () => {
    await refuses(
      `UPDATE patients SET phone_numbers = '[{"label":"mobile","number":"call me"}]'`,
      [],
      'patients_phone_numbers_list',
    );
    await refuses(
      `UPDATE patients SET phone_numbers = '[{"label":"pager","number":"0400 000 000"}]'`,
      [],
      'patients_phone_numbers_list',
    );
    await client.query(
      `UPDATE patients SET phone_numbers = '[{"label":"mobile","number":"+61 (400) 000-000"}]'`,
    );
  });

  it('holds one follow-up per week that is not cancelled, and reopens a cancelled one once', async () => {
    const week = `'scheduled', 40, 1, 3, '2027-01-10', '2027-01-03', '2027-01-17', NULL`;
    const cancelled = (await client.query(followUp(week), [admissionId, userId])).rows[0].id;
    await refuses(followUp(week), [admissionId, userId], 'follow_ups_one_per_week');
    await client.query("UPDATE follow_ups SET settled = 'cancelled' WHERE id = $1", [cancelled]);
    const reopen = `INSERT INTO follow_ups (admission_id, kind, weeks, schedule_version, failed_attempt_limit, due_on,
        window_start, window_end, reopens_follow_up_id, created_by)
      VALUES ($1, 'scheduled', 40, 1, 3, '2027-01-10', '2027-01-03', '2027-01-17', $2, $3) RETURNING id`;
    const reopened = (await client.query(reopen, [admissionId, cancelled, userId])).rows[0].id;
    await client.query("UPDATE follow_ups SET settled = 'cancelled' WHERE id = $1", [reopened]);
    await refuses(reopen, [admissionId, cancelled, userId], 'follow_ups_reopened_once');
    await refuses(
      'UPDATE follow_ups SET reopens_follow_up_id = id WHERE id = $1',
      [reopened],
      'follow_ups_reopens_another',
    );
  });

  it("estimates the worklist's open follow-ups from their own statistics, not the whole table's", async () => {
    // Years of settled follow-ups, half a year of upcoming ones, and 20 open now: the worklist's
    // expression indexes (AddFollowUpWorklistIndexes) let the planner expect about 20, where
    // "settled IS NULL AND window_start <= today + 7" was estimated at well over a thousand.
    await client.query('BEGIN');
    try {
      const insert = (settled: string | null, firstDay: string, count: number) =>
        client.query(
          `INSERT INTO follow_ups (admission_id, kind, schedule_version, failed_attempt_limit, due_on, window_start,
                                   window_end, reason, settled, created_by)
           SELECT $1, 'extra', 1, 3, d + 3, d, d + 6, 'Statistics', $2, $3
             FROM generate_series(0, $5::int - 1) n CROSS JOIN LATERAL (SELECT current_date + $4::int + n / 10 AS d) day`,
          [admissionId, settled, userId, firstDay, count],
        );
      await insert('done', '-3650', 5000);
      await insert(null, '30', 2000);
      await insert(null, '-3', 20);
      await client.query('ANALYZE follow_ups');
      const { rows } = await client.query(
        `EXPLAIN (FORMAT JSON) SELECT * FROM follow_ups f
          WHERE (CASE WHEN f.settled IS NULL THEN f.window_start END) <= current_date + 7
             OR (CASE WHEN f.settled = 'missed' THEN f.window_end END) >= current_date`,
      );
      const plan = JSON.stringify(rows[0]['QUERY PLAN']);
      expect(plan).toContain('follow_ups_open_by_window_start');
      expect(rows[0]['QUERY PLAN'][0].Plan['Plan Rows']).toBeLessThan(100);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('undoes the migration cleanly', async () => {
    const scratch = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(scratch.url));
    await dataSource.initialize();
    try {
      // Later migrations (issue 13's patient links) are undone first.
      const applied = async () =>
        (await dataSource.query("SELECT 1 FROM schema_migrations WHERE name = 'AddFollowUps1764100000000'"))
          .length;
      while (await applied()) await dataSource.undoLastMigration();
      const tables = await dataSource.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name LIKE 'follow_up%'",
      );
      expect(tables[0].n).toBe(0);
      await dataSource.runMigrations();
      const back = await dataSource.query('SELECT count(*)::int AS n FROM follow_up_schedule_versions');
      expect(back[0].n).toBe(1);
    } finally {
      await dataSource.destroy();
      await scratch.drop();
    }
  });
});
