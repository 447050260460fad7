import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import request from 'supertest';
import { ApiClient, aUser } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { bootTestAppOn, type TestApp } from '../testing/test-app.js';
import { createDatabaseIfMissing } from './database-server.js';
import { runMigrations } from './data-source.js';
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';

/**
 * The API's own embedded PostgreSQL on a free port (never the shared test server), stopped and started
 * again under a steady write load while the app keeps running.
 */
describe('PostgreSQL restarted under load', () => {
  const dataDir = path.join(os.tmpdir(), `infusion-tracker-restart-${randomUUID()}`);
  let port: number;
  let postgres: RunningPostgres | null = null;
  let testApp: TestApp;
  let nurse: ApiClient;
  let admissionId: string;

  const startPostgres = async () => {
    postgres = await startEmbeddedPostgres({ dataDir, port, password: 'restart', persistent: true });
  };

  beforeAll(async () => {
    port = await findFreePort();
    await startPostgres();
    await createDatabaseIfMissing(postgres!.url(), 'restart');
    const url = postgres!.url('restart');
    await runMigrations(url);
    testApp = await bootTestAppOn({ url, name: 'restart', drop: async () => undefined });
    const prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
    const admission = await anAdmittedPatient(prescriber);
    const ordered = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1)))
      .body;
    await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: ordered.admission.version,
      type: 'start',
    });
    admissionId = admission.id;
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while it is down and recovers by itself when it is back', async () => {
    const outcomes: { status: number; type?: string; id?: string; ms: number }[] = [];
    let loading = true;
    let minute = 0;
    const writer = async () => {
      while (loading) {
        minute += 1;
        const started = Date.now();
        const response = await nurse.post(
          `/api/admissions/${admissionId}/observation-sets`,
          anObservationSet({ takenAt: new Date(Date.now() - minute * 1000).toISOString() }),
          { 'Idempotency-Key': randomUUID() },
        );
        outcomes.push({
          status: response.status,
          type: response.body?.type,
          id: response.body?.id,
          ms: Date.now() - started,
        });
        await sleep(20);
      }
    };
    const writers = [writer(), writer(), writer()];
    await sleep(1000);

    await postgres!.stop();
    const health = await request(testApp.http).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'unavailable', database: 'down' });

    const started = Date.now();
    const refused = await nurse.post(`/api/admissions/${admissionId}/observation-sets`, anObservationSet());
    expect(Date.now() - started).toBeLessThan(6000);
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: '/problems/database-unavailable', status: 503 });
    const board = await nurse.get('/api/wards');
    expect(board.status).toBe(503);
    await sleep(1500);

    await startPostgres();
    const back = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - back < 20_000) {
      healthy = (await request(testApp.http).get('/api/health')).status === 200;
      if (!healthy) await sleep(200);
    }
    expect(healthy).toBe(true);
    await sleep(1000); // the writers get through again
    loading = false;
    await Promise.all(writers);

    // Every answer was a stored set or a 503 problem, none hung; the session survived the restart.
    const statuses = new Set(outcomes.map((outcome) => outcome.status));
    expect([...statuses].sort()).toEqual([201, 503]);
    expect(
      outcomes.filter((o) => o.status === 503).every((o) => o.type === '/problems/database-unavailable'),
    ).toBe(true);
    expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(6000);
    const after = await nurse.post(`/api/admissions/${admissionId}/observation-sets`, anObservationSet());
    expect(after.status).toBe(201);

    // Every acknowledged set is stored, with its audit row.
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.id as string);
    const db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    try {
      const stored = await db.query(
        `SELECT count(*)::int AS sets,
                (SELECT count(*)::int FROM audit_events
                  WHERE action = 'observation-set.created' AND entity_id = ANY($1::text[])) AS audits
           FROM observation_sets WHERE id = ANY($1::uuid[])`,
        [acknowledged],
      );
      expect(stored.rows[0]).toEqual({ sets: acknowledged.length, audits: acknowledged.length });
    } finally {
      await db.end();
    }
  }, 90_000);
});
