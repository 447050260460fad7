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
  });
});
