import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The Unix time in milliseconds a UUIDv7 carries in its first 48 bits. */
const millisecondsOf = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
/** Milliseconds, version and the 12 bits of sub-millisecond time: the part that orders ids. */
const timePartOf = (id: string) => id.replaceAll('-', '').slice(0, 16);

/** uuid_v7(), the default of observation_sets.id: time-ordered ids on PostgreSQL 15 to 18. */
describe('uuid_v7()', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const oneId = async () => (await client.query<{ id: string }>('SELECT uuid_v7() AS id')).rows[0].id;

  it('makes version 7 ids with the RFC 9562 variant, all different over many calls', async () => {
    const { rows } = await client.query<{ id: string }>(
      'SELECT uuid_v7()::text AS id FROM generate_series(1, 50000)',
    );
    expect(rows).toHaveLength(50000);
    expect(rows.filter(({ id }) => !V7.test(id))).toEqual([]);
    expect(new Set(rows.map(({ id }) => id)).size).toBe(50000);
  });

  it('carries the time it was made, in Unix milliseconds', async () => {
    const before = Date.now();
    const id = await oneId();
    const after = Date.now();
    expect(millisecondsOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisecondsOf(id)).toBeLessThanOrEqual(after);
  });

  it('orders ids made one after another, within a millisecond and across milliseconds', async () => {
    const ids: string[] = [];
    for (let call = 0; call < 200; call += 1) ids.push(await oneId());
    await client.query('SELECT pg_sleep(0.003)');
    ids.push(await oneId());
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(millisecondsOf(ids.at(-1)!)).toBeGreaterThan(millisecondsOf(ids.at(-2)!));
  });

  it('orders by time the ids one statement makes, to the microsecond', async () => {
    const { rows } = await client.query<{ id: string }>(
      'SELECT uuid_v7()::text AS id FROM generate_series(1, 5000) AS n ORDER BY n',
    );
    const timeParts = rows.map(({ id }) => timePartOf(id));
    expect(timeParts).toEqual([...timeParts].sort());
    // Thousands of ids share a millisecond here: the sub-millisecond bits are what order them.
    expect(new Set(rows.map(({ id }) => millisecondsOf(id))).size).toBeLessThan(rows.length / 2);
  });

  it('is the default of new observation set ids', async () => {
    const { rows } = await client.query<{ column_default: string }>(
      "SELECT column_default FROM information_schema.columns WHERE table_name = 'observation_sets' AND column_name = 'id'",
    );
    expect(rows).toEqual([{ column_default: 'uuid_v7()' }]);
  });

  it('undoes its migration back to random ids and applies it again', async () => {
    const scratch = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(scratch.url));
    await dataSource.initialize();
    const idDefault = async () =>
      (
        await dataSource.query(
          "SELECT column_default FROM information_schema.columns WHERE table_name = 'observation_sets' AND column_name = 'id'",
        )
      )[0].column_default;
    try {
      const applied = async () =>
        (
          await dataSource.query(
            "SELECT 1 FROM schema_migrations WHERE name = 'AddTimeOrderedObservationSetIds1765000000000'",
          )
        ).length;
      while (await applied()) await dataSource.undoLastMigration();
      expect(await idDefault()).toBe('gen_random_uuid()');
      expect(
        (await dataSource.query("SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'uuid_v7'"))[0].n,
      ).toBe(0);
      await dataSource.runMigrations();
      expect(await idDefault()).toBe('uuid_v7()');
    } finally {
      await dataSource.destroy();
      await scratch.drop();
    }
  });
});
