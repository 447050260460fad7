import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ClientToolMissing, findClientTool, serverMajorOf } from '../database/postgres-client-tools.js';
import { ApiClient, aUser } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

const register = path.resolve('server/src/testing/register-typescript.mjs');

/** Runs `npm run db:backup` / `db:restore` from source (what the built scripts run). */
async function runCli(name: 'backup' | 'restore', args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', register, path.resolve(`server/src/database/${name}.cli.ts`), ...args],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function query<Row = Record<string, unknown>>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function tableCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    url,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM ${name}`))[0].n;
  }
  return counts;
}

describe('backup and restore (npm run db:backup, db:restore)', () => {
  let testApp: TestApp;
  let restored: TestDatabase | null = null;
  let folder: string;

  beforeAll(async () => {
    testApp = await bootTestApp();
    folder = await mkdtemp(path.join(os.tmpdir(), 'infusion-backup-'));
  });
  afterAll(async () => {
    await restored?.drop();
    await testApp.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('round-trips the records and the audit trail, or refuses clearly without a fitting pg_dump', async () => {
    const prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    const nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
    const admission = await anAdmittedPatient(prescriber);
    const ordered = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1)))
      .body;
    await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: ordered.admission.version,
      type: 'start',
    });
    const set = (await nurse.post(`/api/admissions/${admission.id}/observation-sets`, anObservationSet()))
      .body;
    await nurse.post(`/api/observation-sets/${set.id}/entered-in-error`, { reason: 'Wrong patient' });
    await nurse.post(`/api/admissions/${admission.id}/observation-sets`, anObservationSet({ painScore: 3 }));

    const file = path.join(folder, 'ward.dump');
    const backup = await runCli('backup', ['--database-url', testApp.database.url, '--out', file]);

    const serverMajor = await serverMajorOf(testApp.database.url);
    let fitting = true;
    try {
      findClientTool('pg_dump', serverMajor);
    } catch (error) {
      if (!(error instanceof ClientToolMissing)) throw error;
      fitting = false;
    }
    if (!fitting) {
      // No pg_dump for this server (the embedded PostgreSQL ships none): one clear line, no backup.
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain(`pg_dump ${serverMajor} or newer is needed`);
      expect(backup.stderr).toContain(`postgresql-client-${serverMajor}`);
      return;
    }
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toContain(`written to ${file}`);

    restored = await createEmptyDatabase();
    const restore = await runCli('restore', [file, '--database-url', restored.url]);
    expect(restore).toMatchObject({ code: 0, stderr: '' });

    const before = await tableCounts(testApp.database.url);
    expect(before.observation_sets).toBe(2);
    expect(await tableCounts(restored.url)).toEqual(before);
    for (const sql of [
      'SELECT * FROM audit_events ORDER BY id',
      'SELECT * FROM observation_sets ORDER BY id',
      'SELECT * FROM admissions ORDER BY id',
      'SELECT * FROM patients ORDER BY id',
      'SELECT * FROM schema_migrations ORDER BY id',
    ]) {
      expect(await query(restored.url, sql)).toEqual(await query(testApp.database.url, sql));
    }
    // The restored audit trail is still append-only.
    await expect(query(restored.url, "UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);

    // A restore never writes over a database that has tables.
    const again = await runCli('restore', [file, '--database-url', restored.url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has \d+ table\(s\)/);
  }, 120_000);

  it('names the PostgreSQL client tools to install when none is recent enough', () => {
    expect(() => findClientTool('pg_dump', 99)).toThrow(ClientToolMissing);
    expect(() => findClientTool('pg_dump', 99)).toThrow(
      /pg_dump 99 or newer is needed .*postgresql-client-99/,
    );
  });
});

/** A database with nothing in it, on the test server, to restore into. */
async function createEmptyDatabase(): Promise<TestDatabase> {
  const made = await createTestDatabase();
  await query(made.url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return made;
}
