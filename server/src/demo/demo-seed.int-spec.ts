import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../config/app-config.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { WardsService } from '../wards/wards.service.js';
import { PAST_ADMISSIONS } from './demo-admissions.js';
import { seedDemoDataIfEmpty } from './demo-seed.js';

describe('demo data', () => {
  let database: TestDatabase;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('seeds users, a current ward and past admissions once, and leaves a seeded database alone', async () => {
    const config = loadConfig({ WARD_NAME: 'Demo Ward' }, '/nowhere');
    await seedDemoDataIfEmpty(database.url, config, pino({ level: 'silent' }));
    await seedDemoDataIfEmpty(database.url, config, pino({ level: 'silent' }));
    const counts = (
      await db.query(`SELECT
        (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM admissions WHERE status NOT IN ('discharged', 'cancelled') AND ward = 'Demo Ward') AS current,
        (SELECT count(*)::int FROM admissions WHERE status = 'discharged') AS past,
        (SELECT count(DISTINCT admission_id)::int FROM infusion_events WHERE type = 'pause') AS paused_once,
        (SELECT count(*)::int FROM admissions a WHERE (SELECT count(*) FROM infusion_orders o WHERE o.admission_id = a.id) >= 3) AS several_changes`)
    ).rows[0];
    expect(counts.users).toBe(4);
    expect(counts.current).toBe(8);
    expect(counts.past).toBe(PAST_ADMISSIONS);
    expect(counts.paused_once).toBeGreaterThan(0);
    expect(counts.several_changes).toBeGreaterThan(0);
    const observations = (
      await db.query(`SELECT count(*)::int AS sets,
        count(*) FILTER (WHERE 'pump-discrepancy' = ANY (flags))::int AS pump_discrepancies,
        count(*) FILTER (WHERE news2_response IN ('low-medium', 'medium', 'high') OR 'unacceptable-sedation' = ANY (flags))::int AS abnormal
        FROM observation_sets`)
    ).rows[0];
    expect(observations.sets).toBeGreaterThan(100);
    expect(observations.pump_discrepancies).toBe(1);
    expect(observations.abnormal).toBeGreaterThan(0);
    const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    const board = await new WardsService(dataSource, config)
      .board('Demo Ward')
      .finally(() => dataSource.destroy());
    expect(board.rows.filter((row) => row.overdueMinutes > 60).length).toBeGreaterThanOrEqual(1);
    expect(board.rows).toHaveLength(8);
    const statuses = (
      await db.query("SELECT DISTINCT status FROM admissions WHERE ward = 'Demo Ward'")
    ).rows.map((row) => row.status);
    expect(statuses).toEqual(expect.arrayContaining(['admitted', 'infusing', 'paused', 'infusion-stopped']));

    // Follow-up histories (issue 9): every past stay scheduled; one death; one readmission, whose patient
    // has the later admission; some lost, some missed; responders and not; a live worklist.
    const followUps = (
      await db.query(`SELECT
        (SELECT count(DISTINCT admission_id)::int FROM follow_ups) AS scheduled_stays,
        (SELECT count(*)::int FROM follow_ups WHERE settled = 'missed') AS missed,
        (SELECT count(*)::int FROM follow_up_outcomes) AS outcomes,
        (SELECT count(*)::int FROM follow_up_outcomes WHERE NOT benefit_ongoing) AS benefit_ended,
        (SELECT count(*)::int FROM follow_up_outcomes o JOIN follow_ups f ON f.id = o.follow_up_id
          WHERE f.weeks = 26 AND o.benefit_ongoing) AS ongoing_at_26_weeks,
        (SELECT count(*)::int FROM admissions WHERE status = 'discharged' AND pain_at_discharge IS NULL) AS no_discharge_pain`)
    ).rows[0];
    expect(followUps.scheduled_stays).toBe(PAST_ADMISSIONS);
    expect(followUps.missed).toBeGreaterThan(5);
    expect(followUps.benefit_ended).toBeGreaterThan(50);
    expect(followUps.ongoing_at_26_weeks).toBeGreaterThan(0);
    expect(followUps.no_discharge_pain).toBe(0);
    const endings = (
      await db.query(`SELECT e.kind, count(*)::int AS n,
          bool_and(EXISTS (SELECT 1 FROM admissions later JOIN admissions first ON first.id = e.admission_id
                            WHERE later.patient_id = first.patient_id AND later.admitted_at > first.discharged_at
                              AND (later.admitted_at AT TIME ZONE 'Australia/Sydney')::date = e."on")) AS has_later
        FROM follow_up_terminal_events e GROUP BY e.kind`)
    ).rows;
    const byKind = Object.fromEntries(endings.map((row) => [row.kind, row]));
    expect(byKind.died.n).toBe(1);
    expect(byKind.readmitted).toEqual({ kind: 'readmitted', n: 1, has_later: true });
    expect(byKind.lost.n).toBeGreaterThan(2);
    const cancelledWithoutEnding = (
      await db.query(`SELECT count(*)::int AS n FROM follow_ups f
        WHERE f.settled = 'cancelled' AND NOT EXISTS (SELECT 1 FROM follow_up_cancellations c WHERE c.follow_up_id = f.id)`)
    ).rows[0].n;
    expect(cancelledWithoutEnding).toBe(0);
    const { FollowUpsService } = await import('../follow-ups/follow-ups.service.js');
    const { AuditTrail } = await import('../audit/audit-trail.service.js');
    const listing = await new DataSource(dataSourceOptions(database.url)).initialize();
    const nurse = (await db.query("SELECT id, display_name FROM users WHERE username = 'nurse'")).rows[0];
    const worklist = await new FollowUpsService(listing, new AuditTrail(), config)
      .worklist({ id: nurse.id, displayName: nurse.display_name }, {})
      .finally(() => listing.destroy());
    const sections = new Set(worklist.items.map((item) => item.section));
    expect([...sections]).toEqual(expect.arrayContaining(['overdue', 'due', 'upcoming']));
  });
});
