import { jest } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiClient, aUser } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { ENDED_SESSIONS } from '../testing/ended-sessions.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Recording a set leaves the session check to its one statement when this process saw the session
 * usable lately (ADR 10). Whatever happened to the session since (signed out elsewhere, idle, role taken
 * away), nothing is stored and nothing is told that the guard's own check would not have allowed.
 */
describe('recording a set checks the session in its own statement', () => {
  let testApp: TestApp;
  let db: pg.Client;
  let prescriber: ApiClient;
  let admission: { id: string };

  beforeAll(async () => {
    testApp = await bootTestApp();
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    const admitted = await anAdmittedPatient(prescriber);
    const ordered = (await prescriber.post(`/api/admissions/${admitted.id}/infusion-orders`, anOrder(1))).body
      .admission;
    await prescriber.post(`/api/admissions/${admitted.id}/infusion-events`, {
      version: ordered.version,
      type: 'start',
    });
    admission = admitted;
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  const path = () => `/api/admissions/${admission.id}/observation-sets`;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  /** A nurse who has recorded a set, so that this process holds their session and the admission's context. */
  async function aNurseWhoRecorded() {
    const user = await aUser(testApp, ['nurse']);
    const nurse = await ApiClient.signedIn(testApp, user.username);
    expect((await nurse.post(path(), anObservationSet({ takenAt: minutesAgo(30) }))).status).toBe(201);
    return { nurse, userId: user.id };
  }

  async function storedCounts() {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM observation_sets) AS sets,
              (SELECT count(*)::int FROM audit_events WHERE action = 'observation-set.created') AS audited`,
    );
    return rows[0];
  }

  async function statementsDuring(send: () => Promise<{ status: number }>) {
    const spy = jest.spyOn(testApp.app.get(DataSource).logger, 'logQuery');
    try {
      const response = await send();
      return { status: response.status, statements: spy.mock.calls.map(([sql]) => String(sql)) };
    } finally {
      spy.mockRestore();
    }
  }

  it('takes one statement for a session and an admission this process knows', async () => {
    const { nurse } = await aNurseWhoRecorded();
    const { status, statements } = await statementsDuring(() =>
      nurse.post(path(), anObservationSet({ takenAt: minutesAgo(20) })),
    );
    expect(status).toBe(201);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM sessions s JOIN users u/);
  });

  it.each(ENDED_SESSIONS)(
    'stores nothing when the session is %s since, answering as the guard would',
    async (_, sql, status) => {
      const { nurse, userId } = await aNurseWhoRecorded();
      await db.query(sql, [userId]);
      const before = await storedCounts();
      const response = await nurse.post(path(), anObservationSet({ takenAt: minutesAgo(10) }));
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await storedCounts()).toEqual(before);
    },
  );

  it('does not replay an earlier set to a session that has ended', async () => {
    const { nurse, userId } = await aNurseWhoRecorded();
    const key = randomUUID();
    const body = anObservationSet({ takenAt: minutesAgo(15) });
    expect((await nurse.post(path(), body, { 'Idempotency-Key': key })).status).toBe(201);
    await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [userId]);
    const retry = await nurse.post(path(), body, { 'Idempotency-Key': key });
    expect(retry.status).toBe(401);
    expect(retry.body.id).toBeUndefined();
  });

  it('tells a session that has ended nothing about the admission or the body', async () => {
    const { nurse, userId } = await aNurseWhoRecorded();
    await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [userId]);
    const unknownAdmission = await nurse.post(
      '/api/admissions/00000000-0000-4000-8000-000000000000/observation-sets',
      anObservationSet(),
    );
    expect(unknownAdmission.status).toBe(401);
    const emptySet = await nurse.post(path(), { takenAt: minutesAgo(5) });
    expect(emptySet.status).toBe(401);
  });

  it('restarts the idle clock as the guard does', async () => {
    const { nurse, userId } = await aNurseWhoRecorded();
    await db.query("UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1", [
      userId,
    ]);
    expect((await nurse.post(path(), anObservationSet({ takenAt: minutesAgo(5) }))).status).toBe(201);
    const { rows } = await db.query(
      "SELECT last_seen_at > now() - interval '1 minute' AS recent FROM sessions WHERE user_id = $1",
      [userId],
    );
    expect(rows).toEqual([{ recent: true }]);
  });

  it('records for a nurse who gained the role since this process last saw the session', async () => {
    const user = await aUser(testApp, ['auditor']);
    const client = await ApiClient.signedIn(testApp, user.username);
    expect((await client.post(path(), anObservationSet())).status).toBe(403);
    await db.query("UPDATE users SET roles = '{auditor,nurse}' WHERE id = $1", [user.id]);
    expect((await client.post(path(), anObservationSet({ takenAt: minutesAgo(1) }))).status).toBe(201);
  });
});
