import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { ApiClient, aUser } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

/** The API process killed with SIGKILL (kill -9) in the middle of a write load. */
describe('the API killed under write load', () => {
  let testApp: TestApp;
  let server: ServerProcess;
  let restarted: ServerProcess | null = null;

  beforeAll(async () => {
    testApp = await bootTestApp();
    server = await startServerProcess(testApp.database.url);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await restarted?.stop();
    await testApp?.close();
  });

  it('loses no acknowledged write, and a new process carries on', async () => {
    const prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    const nurseName = (await aUser(testApp, ['nurse'])).username;
    const admission = await anAdmittedPatient(prescriber);
    const ordered = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1)))
      .body;
    await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: ordered.admission.version,
      type: 'start',
    });
    const nurse = await ApiClient.signedIn({ http: server.url }, nurseName);

    const acknowledged: string[] = [];
    let failed = 0;
    let second = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        second += 1;
        try {
          const response = await nurse.post(
            `/api/admissions/${admission.id}/observation-sets`,
            anObservationSet({ takenAt: new Date(Date.now() - second * 1000).toISOString() }),
            { 'Idempotency-Key': randomUUID() },
          );
          if (response.status === 201) acknowledged.push(response.body.id);
          else failed += 1;
        } catch {
          failed += 1; // the connection broke: not acknowledged, so the nurse knows to check
        }
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    while (acknowledged.length < 30) await sleep(20);
    server.child.kill('SIGKILL');
    const exit = await server.exited;
    killed = true;
    await Promise.all(writers);

    expect(exit.signal).toBe('SIGKILL');
    expect(failed).toBeGreaterThan(0); // it was killed mid-load, not between requests
    const [stored] = await testApp.app.get(DataSource).query(
      `SELECT count(*)::int AS sets,
              (SELECT count(*)::int FROM audit_events
                WHERE action = 'observation-set.created' AND entity_id = ANY($1::text[])) AS audits
         FROM observation_sets WHERE id = ANY($1::uuid[])`,
      [acknowledged],
    );
    expect(stored).toEqual({ sets: acknowledged.length, audits: acknowledged.length });

    // Nothing is left locked or half-written: a new process on the same database writes at once.
    restarted = await startServerProcess(testApp.database.url);
    const nurseAgain = await ApiClient.signedIn({ http: restarted.url }, nurseName);
    const write = await nurseAgain.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet(),
    );
    expect(write.status).toBe(201);
  }, 300_000);
});
