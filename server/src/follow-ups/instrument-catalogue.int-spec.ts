import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { currentInstruments, InstrumentFileRejected, loadInstrumentFile } from './instrument-catalogue.js';

const definition = (overrides: Record<string, unknown> = {}) => ({
  code: 'bpi-interference',
  version: 'site-2026-1',
  title: 'Pain interference (site licence)',
  placeholder: false,
  recall: 'In the last week',
  items: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({ key, text: `Licensed text ${key}` })),
  scale: { min: 0, max: 10, minAnchor: 'Does not interfere', maxAnchor: 'Completely interferes' },
  scoring: { rule: 'mean', minAnswered: 4 },
  ...overrides,
});

describe('loading instrument definitions', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('loads a definition, audited, and the newest version of a code is the one in force', async () => {
    expect(await loadInstrumentFile(dataSource.manager, JSON.stringify(definition()))).toEqual([
      { code: 'bpi-interference', version: 'site-2026-1', result: 'loaded' },
    ]);
    expect(await loadInstrumentFile(dataSource.manager, JSON.stringify([definition()]))).toEqual([
      { code: 'bpi-interference', version: 'site-2026-1', result: 'unchanged' },
    ]);
    await loadInstrumentFile(
      dataSource.manager,
      JSON.stringify(definition({ version: 'site-2026-2', title: 'New' })),
    );
    const current = await currentInstruments(dataSource.manager);
    expect(current.map((instrument) => `${instrument.code} ${instrument.version}`)).toEqual([
      'pgic pgic-7-point-v1',
      'nrs nrs-11-point-v1',
      'bpi-interference site-2026-2',
    ]);
    const audit = await dataSource.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'instruments.loaded'",
    );
    expect(audit[0].n).toBe(3);
  });

  it('refuses a file with any bad definition, naming every problem and storing nothing', async () => {
    const before = await dataSource.query('SELECT count(*)::int AS n FROM instrument_definitions');
    const attempt = loadInstrumentFile(
      dataSource.manager,
      JSON.stringify([
        definition({ code: 'other', version: 'x' }),
        definition({ code: 'pgic' }),
        definition({ items: [] }),
      ]),
    );
    await expect(attempt).rejects.toBeInstanceOf(InstrumentFileRejected);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        'definition 2: pgic is shipped with the app and cannot be replaced',
        'definition 3: items must be a list of 1 to 50 { key, text }',
        'definition 3: scoring.minAnswered must be a whole number from 1 to the number of items',
      ],
    });
    await expect(loadInstrumentFile(dataSource.manager, '{ nope')).rejects.toBeInstanceOf(
      InstrumentFileRejected,
    );
    await expect(
      loadInstrumentFile(
        dataSource.manager,
        JSON.stringify(definition({ title: 'Changed text, same version' })),
      ),
    ).rejects.toThrow(/already loaded with other content/);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM instrument_definitions')).toEqual(before);
  });
});
