import pg from 'pg';
import { scoreNews2 } from '@infusion-tracker/clinical';
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
