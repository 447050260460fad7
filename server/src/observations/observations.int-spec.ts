import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { ApiClient, aUser } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('bedside observation sets', () => {
  let testApp: TestApp;
  let db: pg.Client;
  let prescriber: ApiClient;
  let nurse: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp();
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  /** An admission with a running infusion at 0.1 mg/kg/h. */
  async function anInfusingAdmission() {
    const admission = await anAdmittedPatient(prescriber);
    const ordered = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1)))
      .body.admission;
    return (
      await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: ordered.version,
        type: 'start',
      })
    ).body;
  }
  const setsOf = async (admissionId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM observation_sets WHERE admission_id = $1', [admissionId]))
      .rows[0].n;

  it('stores a set with the NEWS2 the server computed and no flags when all is well', async () => {
    const admission = await anInfusingAdmission();
    const response = await nurse.post(`/api/admissions/${admission.id}/observation-sets`, anObservationSet());
    expect(response.status).toBe(201);
    expect(response.body.news2).toMatchObject({
      complete: true,
      total: 0,
      response: 'low',
      anySingleParameterThree: false,
    });
    expect(response.body.flags).toEqual([]);
    expect(response.body.pumpRate).toEqual({ value: 0.1, unit: 'mg/kg/h' });
    expect(response.body.recordedByName).toMatch(/^Test nurse/);
    const audit = await db.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'observation-set.created' AND admission_id = $1",
      [admission.id],
    );
    expect(audit.rows[0].n).toBe(1);
    const origin = await db.query(
      'SELECT user_display_name, request_id, client_address, change FROM audit_events WHERE entity_id = $1',
      [response.body.id],
    );
    expect(origin.rows).toEqual([
      {
        user_display_name: expect.stringMatching(/^Test nurse/),
        request_id: response.headers['x-request-id'],
        client_address: expect.stringMatching(/127\.0\.0\.1/),
        change: {
          before: null,
          after: {
            ...anObservationSet(),
            news2Total: 0,
            flags: [],
          },
        },
      },
    ]);
  });

  it.each([
    [
      'high NEWS2',
      { respirationRate: 26, spo2: 90, supplementalOxygen: true, consciousness: 'voice' },
      'news2-high',
    ],
    ['POSS 3', { sedation: '3' }, 'unacceptable-sedation'],
    ['POSS 4', { sedation: '4' }, 'unacceptable-sedation'],
    ['a pump showing another value', { pumpRate: { value: 0.15, unit: 'mg/kg/h' } }, 'pump-discrepancy'],
    ['a pump showing another unit', { pumpRate: { value: 7, unit: 'mg/h' } }, 'pump-discrepancy'],
    ['a severe side effect', { sideEffects: { hallucinations: 'severe' } }, 'severe-side-effect'],
    ['a missing NEWS2 item', { temperatureC: undefined }, 'news2-incomplete'],
  ])('flags %s', async (_name, change, flag) => {
    const admission = await anInfusingAdmission();
    const response = await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet(change),
    );
    expect(response.status).toBe(201);
    expect(response.body.flags).toContain(flag);
  });

  it('never treats a missing item as 0: an incomplete set has no total', async () => {
    const admission = await anInfusingAdmission();
    const response = await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ pulse: undefined }),
    );
    expect(response.body.news2).toMatchObject({
      complete: false,
      total: null,
      response: null,
      missing: ['pulse'],
    });
  });

  it.each([
    ['SpO2 above 100', { spo2: 101 }, 'spo2'],
    ['37 typed as 3.7', { temperatureC: 3.7 }, 'temperatureC'],
    ['a pain score of 11', { painScore: 11 }, 'painScore'],
    ['a POSS level that does not exist', { sedation: '5' }, 'sedation'],
    ['a side effect that is not on the chart', { sideEffects: { headache: 'mild' } }, 'sideEffects.headache'],
    ['a grade that does not exist', { sideEffects: { nausea: 'awful' } }, 'sideEffects.nausea'],
    ['a pulse as text', { pulse: '76' }, 'pulse'],
    ['a pump unit outside the list', { pumpRate: { value: 0.1, unit: 'drops/min' } }, 'pumpRate.unit'],
    ['an unknown field', { mood: 'fine' }, 'mood'],
    ['a future time', { takenAt: new Date(Date.now() + 3600_000).toISOString() }, 'takenAt'],
  ])('rejects %s with a field message and stores nothing', async (_name, change, field) => {
    const admission = await anInfusingAdmission();
    const response = await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet(change),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await setsOf(admission.id)).toBe(0);
  });

  it('allows extreme but real values', async () => {
    const admission = await anInfusingAdmission();
    const response = await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ respirationRate: 6, spo2: 78, systolicBp: 230, pulse: 35, temperatureC: 41.2 }),
    );
    expect(response.status).toBe(201);
    expect(response.body.news2.total).toBeGreaterThanOrEqual(7);
  });

  describe('idempotent create', () => {
    it('returns the first result for a retry with the same key and body, storing nothing new', async () => {
      const admission = await anInfusingAdmission();
      const key = randomUUID();
      const body = anObservationSet();
      const first = await nurse.post(`/api/admissions/${admission.id}/observation-sets`, body, {
        'Idempotency-Key': key,
      });
      const retry = await nurse.post(`/api/admissions/${admission.id}/observation-sets`, body, {
        'Idempotency-Key': key,
      });
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await setsOf(admission.id)).toBe(1);
    });

    it('stores one set when the same submission arrives concurrently', async () => {
      const admission = await anInfusingAdmission();
      const key = randomUUID();
      const body = anObservationSet({ takenAt: new Date(Date.now() - 60_000).toISOString() });
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          nurse.post(`/api/admissions/${admission.id}/observation-sets`, body, { 'Idempotency-Key': key }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(await setsOf(admission.id)).toBe(1);
    });

    it('refuses the same key with another body (422)', async () => {
      const admission = await anInfusingAdmission();
      const key = randomUUID();
      await nurse.post(`/api/admissions/${admission.id}/observation-sets`, anObservationSet(), {
        'Idempotency-Key': key,
      });
      const reused = await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({ pulse: 90 }),
        { 'Idempotency-Key': key },
      );
      expect(reused.status).toBe(422);
      expect(reused.body.type).toBe('/problems/idempotency-key-reused');
      expect(await setsOf(admission.id)).toBe(1);
    });
  });

  it('marks a set entered in error (reason required), keeping it in the list', async () => {
    const admission = await anInfusingAdmission();
    const set = (await nurse.post(`/api/admissions/${admission.id}/observation-sets`, anObservationSet()))
      .body;
    expect((await nurse.post(`/api/observation-sets/${set.id}/entered-in-error`, {})).status).toBe(400);
    const marked = await nurse.post(`/api/observation-sets/${set.id}/entered-in-error`, {
      reason: 'Wrong patient',
    });
    expect(marked.status).toBe(200);
    expect(marked.body.enteredInError).toMatchObject({ reason: 'Wrong patient' });
    expect(
      (await nurse.post(`/api/observation-sets/${set.id}/entered-in-error`, { reason: 'again' })).status,
    ).toBe(409);
    const list = await nurse.get(`/api/admissions/${admission.id}/observation-sets`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].enteredInError.reason).toBe('Wrong patient');
    expect(list.body.items[0].recordedByName).toMatch(/^Test nurse/);
  });

  it('refuses sets for a discharged admission', async () => {
    const admission = await anAdmittedPatient(prescriber);
    await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
      version: 1,
      summary: 'x',
      reason: 'Declined',
    });
    const response = await nurse.post(`/api/admissions/${admission.id}/observation-sets`, anObservationSet());
    expect(response.status).toBe(409);
  });

  // Recording a set uses the context remembered from the admission's last set; it must never flag (or
  // not flag) a pump reading against an order that is no longer the one in force.
  describe('when the infusion record changed since the last set', () => {
    const record = (admissionId: string, change: Record<string, unknown>) =>
      nurse.post(`/api/admissions/${admissionId}/observation-sets`, anObservationSet(change));
    const versionOf = async (admissionId: string): Promise<number> =>
      (await prescriber.get(`/api/admissions/${admissionId}`)).body.version;
    const changeRate = async (admissionId: string, value: number, minutesAgo: number) =>
      (
        await prescriber.post(
          `/api/admissions/${admissionId}/infusion-orders`,
          anOrder(await versionOf(admissionId), {
            rate: { value, unit: 'mg/kg/h' },
            effectiveFrom: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
            reason: 'Pain still 7/10',
          }),
        )
      ).body;
    const pumpAt = (value: number) => ({ pumpRate: { value, unit: 'mg/kg/h' } });

    it('compares the pump with the new order after a rate change', async () => {
      const admission = await anInfusingAdmission();
      expect((await record(admission.id, pumpAt(0.1))).body.flags).toEqual([]);
      await changeRate(admission.id, 0.15, 0);
      expect((await record(admission.id, pumpAt(0.15))).body.flags).toEqual([]);
      expect((await record(admission.id, pumpAt(0.1))).body.flags).toEqual(['pump-discrepancy']);
      expect(await setsOf(admission.id)).toBe(3);
    });

    it('compares a retrospective set with the order in force when it was taken', async () => {
      const admission = await anInfusingAdmission(); // 0.1 mg/kg/h from an hour ago
      await changeRate(admission.id, 0.15, 10);
      expect((await record(admission.id, pumpAt(0.15))).body.flags).toEqual([]);
      const halfAnHourAgo = new Date(Date.now() - 30 * 60_000).toISOString();
      const earlier = await record(admission.id, { ...pumpAt(0.1), takenAt: halfAnHourAgo });
      expect(earlier.status).toBe(201);
      expect(earlier.body.flags).toEqual([]);
      const wrong = await record(admission.id, { ...pumpAt(0.15), takenAt: halfAnHourAgo });
      expect(wrong.body.flags).toEqual(['pump-discrepancy']);
    });

    it('compares the pump with the previous order once the new one is marked entered in error', async () => {
      const admission = await anInfusingAdmission();
      const changed = await changeRate(admission.id, 0.15, 0);
      expect((await record(admission.id, pumpAt(0.15))).body.flags).toEqual([]);
      const corrected = await prescriber.post(`/api/infusion-orders/${changed.id}/entered-in-error`, {
        version: changed.admission.version,
        reason: 'Meant for another patient',
      });
      expect(corrected.status).toBe(201);
      expect((await record(admission.id, pumpAt(0.15))).body.flags).toEqual(['pump-discrepancy']);
      expect((await record(admission.id, pumpAt(0.1))).body.flags).toEqual([]);
    });

    it('refuses a set once the admission is discharged, storing nothing', async () => {
      const admission = await anInfusingAdmission();
      expect((await record(admission.id, {})).status).toBe(201);
      await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: await versionOf(admission.id),
        type: 'stop',
        reason: 'Course complete',
      });
      const discharged = await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
        version: await versionOf(admission.id),
        summary: 'Pain 4/10 at discharge',
        reason: 'Course complete',
        painAtDischarge: 4,
      });
      expect(discharged.status).toBe(200);
      const refused = await record(admission.id, {});
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/discharged/);
      expect(await setsOf(admission.id)).toBe(1);
    });

    it('records sets for many admissions in turn, each against its own order', async () => {
      const admissions = await Promise.all([0.1, 0.1, 0.1].map(() => anInfusingAdmission()));
      await changeRate(admissions[1].id, 0.2, 0);
      const flags = [];
      for (const admission of admissions) flags.push((await record(admission.id, pumpAt(0.2))).body.flags);
      expect(flags).toEqual([['pump-discrepancy'], [], ['pump-discrepancy']]);
    });
  });
});
