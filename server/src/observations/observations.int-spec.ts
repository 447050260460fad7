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

  it('gives new sets time-ordered ids (UUIDv7), their audit rows in the same order', async () => {
    const admission = await anInfusingAdmission();
    const before = Date.now();
    const ids: string[] = [];
    for (let set = 0; set < 3; set += 1) {
      const response = await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet(),
      );
      expect(response.status).toBe(201);
      ids.push(response.body.id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const milliseconds = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
      expect(milliseconds).toBeGreaterThanOrEqual(before);
      expect(milliseconds).toBeLessThanOrEqual(after);
    }
    expect([...ids].sort()).toEqual(ids);
    const audit = await db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_events WHERE action = 'observation-set.created' AND admission_id = $1 ORDER BY id",
      [admission.id],
    );
    expect(audit.rows.map(({ entity_id }) => entity_id)).toEqual(ids);
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
    ['a missing NEWS2 item', { temperatureC: undefined, partialReason: 'unable' }, 'news2-incomplete'],
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
      anObservationSet({ pulse: undefined, partialReason: 'refused' }),
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
      // 0.1 mg/kg/h from an hour ago, running since 50 minutes ago.
      const admitted = await anAdmittedPatient(prescriber);
      const ordered = (await prescriber.post(`/api/admissions/${admitted.id}/infusion-orders`, anOrder(1)))
        .body.admission;
      const admission = (
        await prescriber.post(`/api/admissions/${admitted.id}/infusion-events`, {
          version: ordered.version,
          type: 'start',
          occurredAt: new Date(Date.now() - 50 * 60_000).toISOString(),
        })
      ).body;
      expect(admission.status).toBe('infusing');
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

  // Issue 12: the record says only what someone assessed.
  describe('a set that asserts only what was assessed', () => {
    const post = (admissionId: string, body: object) =>
      nurse.post(`/api/admissions/${admissionId}/observation-sets`, body);
    const auditsOf = async (admissionId: string) =>
      (
        await db.query(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'observation-set.created' AND admission_id = $1",
          [admissionId],
        )
      ).rows[0].n;
    const fields = (response: { body: { errors: { field: string }[] } }) =>
      response.body.errors.map((error) => error.field);

    async function expectRefused(admissionId: string, body: object, field: string) {
      const response = await post(admissionId, body);
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.type).toBe('/problems/observation-set-rule-violated');
      expect(fields(response)).toContain(field);
      expect(await setsOf(admissionId)).toBe(0);
      expect(await auditsOf(admissionId)).toBe(0);
      return response;
    }

    it.each([
      ['an empty body', {}],
      ['only the chart defaults and a comment', { spo2Scale: 1, comment: 'Seen', takenAt: undefined }],
      ['side effects with nothing graded', { sideEffects: {} }],
      ['a reason alone', { partialReason: 'asleep' }],
    ])('refuses %s: no recorded item (422, nothing stored)', async (_name, body) => {
      const admission = await anInfusingAdmission();
      await expectRefused(admission.id, body, 'set');
    });

    it('refuses a partial set without a reason, and stores it with one', async () => {
      const admission = await anInfusingAdmission();
      const asleep = {
        respirationRate: 14,
        spo2: 96,
        sedation: 'S',
        pumpRate: { value: 0.1, unit: 'mg/kg/h' },
      };
      const refused = await expectRefused(admission.id, asleep, 'partialReason');
      expect(refused.body.errors[0].messages[0]).toMatch(/missing: supplementalOxygen, systolicBp/);
      await expectRefused(admission.id, { ...asleep, partialReason: 'other' }, 'partialReasonText');

      const stored = await post(admission.id, { ...asleep, partialReason: 'asleep' });
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({
        partialReason: 'asleep',
        partialReasonText: null,
        sideEffects: null,
        news2: { complete: false, total: null },
      });
      const other = await post(admission.id, {
        pulse: 80,
        partialReason: 'other',
        partialReasonText: 'In the bath',
      });
      expect(other.status).toBe(201);
      expect(other.body).toMatchObject({ partialReason: 'other', partialReasonText: 'In the bath' });
      const rows = await db.query(
        'SELECT partial_reason, partial_reason_text, side_effects FROM observation_sets WHERE admission_id = $1 ORDER BY recorded_at',
        [admission.id],
      );
      expect(rows.rows).toEqual([
        { partial_reason: 'asleep', partial_reason_text: null, side_effects: null },
        { partial_reason: 'other', partial_reason_text: 'In the bath', side_effects: null },
      ]);
      expect(await auditsOf(admission.id)).toBe(2);
    });

    it('refuses a reason for a set with a complete NEWS2', async () => {
      const admission = await anInfusingAdmission();
      await expectRefused(admission.id, anObservationSet({ partialReason: 'asleep' }), 'partialReason');
    });

    it('refuses an unknown reason as a bad field (400, nothing stored)', async () => {
      const admission = await anInfusingAdmission();
      const response = await post(admission.id, { pulse: 80, partialReason: 'sleepy' });
      expect(response.status).toBe(400);
      expect(fields(response)).toContain('partialReason');
      expect(await setsOf(admission.id)).toBe(0);
    });

    it('stores side effects not assessed as null and "none" only when said', async () => {
      const admission = await anInfusingAdmission();
      const notAssessed = await post(admission.id, anObservationSet({ sideEffects: undefined }));
      expect(notAssessed.status).toBe(201);
      expect(notAssessed.body.sideEffects).toBeNull();
      const none = await post(
        admission.id,
        anObservationSet({ sideEffects: { nausea: 'none', vomiting: 'none' } }),
      );
      expect(none.body.sideEffects).toEqual({ nausea: 'none', vomiting: 'none' });
      const rows = await db.query(
        'SELECT side_effects FROM observation_sets WHERE admission_id = $1 ORDER BY recorded_at',
        [admission.id],
      );
      expect(rows.rows.map((row) => row.side_effects)).toEqual([null, { nausea: 'none', vomiting: 'none' }]);
    });

    it.each([
      ['RR 6', { respirationRate: 6 }, 'respirationRate'],
      ['RR 41', { respirationRate: 41 }, 'respirationRate'],
      ['SpO2 79', { spo2: 79 }, 'spo2'],
      ['systolic 69', { systolicBp: 69 }, 'systolicBp'],
      ['systolic 221', { systolicBp: 221 }, 'systolicBp'],
      ['pulse 34', { pulse: 34 }, 'pulse'],
      ['pulse 171', { pulse: 171 }, 'pulse'],
      ['temperature 33.9', { temperatureC: 33.9 }, 'temperatureC'],
      ['temperature 41.1', { temperatureC: 41.1 }, 'temperatureC'],
    ])(
      'refuses %s unconfirmed (422 naming the field) and stores it confirmed',
      async (_name, change, field) => {
        const admission = await anInfusingAdmission();
        await expectRefused(admission.id, anObservationSet(change), field);
        const stored = await post(admission.id, anObservationSet({ ...change, confirmedReadings: [field] }));
        expect(stored.status).toBe(201);
        expect(stored.body.confirmedReadings).toEqual([field]);
        const row = await db.query('SELECT confirmed_readings FROM observation_sets WHERE id = $1', [
          stored.body.id,
        ]);
        expect(row.rows[0].confirmed_readings).toEqual([field]);
      },
    );

    it('stores a confirmed RR of 6 among other extreme readings, each confirmed', async () => {
      const admission = await anInfusingAdmission();
      const extreme = { respirationRate: 6, spo2: 78, systolicBp: 230, pulse: 35, temperatureC: 41.2 };
      const refused = await expectRefused(
        admission.id,
        anObservationSet({ ...extreme, confirmedReadings: ['respirationRate'] }),
        'spo2',
      );
      expect(fields(refused)).toEqual(['spo2', 'systolicBp', 'temperatureC']);
      expect(refused.body.errors[0].messages[0]).toMatch(/SpO2 78% is outside 80-100/);
      const stored = await post(
        admission.id,
        anObservationSet({
          ...extreme,
          confirmedReadings: ['respirationRate', 'spo2', 'systolicBp', 'temperatureC'],
        }),
      );
      expect(stored.status).toBe(201);
      expect(stored.body.news2.total).toBeGreaterThanOrEqual(7);
    });

    it('refuses a confirmation of a reading that is not extreme', async () => {
      const admission = await anInfusingAdmission();
      await expectRefused(
        admission.id,
        anObservationSet({ confirmedReadings: ['pulse'] }),
        'confirmedReadings',
      );
    });

    it('keeps refusing impossible readings even when confirmed (400)', async () => {
      const admission = await anInfusingAdmission();
      const response = await post(admission.id, anObservationSet({ spo2: 101, confirmedReadings: ['spo2'] }));
      expect(response.status).toBe(400);
      expect(await setsOf(admission.id)).toBe(0);
    });

    describe('the pump of a paused or stopped infusion', () => {
      async function halted(type: 'pause' | 'stop') {
        const admission = await anInfusingAdmission();
        const response = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
          version: admission.version,
          type,
          reason: 'Hallucinations',
        });
        expect(response.status).toBe(201);
        return admission;
      }

      it('accepts the pump off (0) on a stopped infusion without a discrepancy', async () => {
        const admission = await halted('stop');
        const off = await post(admission.id, anObservationSet({ pumpRate: { value: 0, unit: 'mg/kg/h' } }));
        expect(off.status).toBe(201);
        expect(off.body.flags).toEqual([]);
        expect(off.body.pumpRate).toEqual({ value: 0, unit: 'mg/kg/h' });
      });

      it.each(['stop', 'pause'] as const)('flags a running pump after a %s', async (type) => {
        const admission = await halted(type);
        const running = await post(
          admission.id,
          anObservationSet({ pumpRate: { value: 0.1, unit: 'mg/kg/h' } }),
        );
        expect(running.status).toBe(201);
        expect(running.body.flags).toEqual(['pump-running-while-stopped']);
        const row = await db.query('SELECT flags FROM observation_sets WHERE id = $1', [running.body.id]);
        expect(row.rows[0].flags).toEqual(['pump-running-while-stopped']);
      });

      it('flags a running pump before the infusion is started, and accepts it off', async () => {
        const admission = await anAdmittedPatient(prescriber);
        await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1));
        const running = await post(
          admission.id,
          anObservationSet({ pumpRate: { value: 0.1, unit: 'mg/kg/h' } }),
        );
        expect(running.status).toBe(201);
        expect(running.body.flags).toEqual(['pump-running-while-stopped']);
        const off = await post(admission.id, anObservationSet({ pumpRate: { value: 0, unit: 'mg/kg/h' } }));
        expect(off.body.flags).toEqual([]);
      });

      it('flags the remembered context again once the infusion stops', async () => {
        const admission = await anInfusingAdmission();
        expect((await post(admission.id, anObservationSet())).body.flags).toEqual([]);
        await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
          version: admission.version,
          type: 'stop',
          reason: 'Course complete',
        });
        expect((await post(admission.id, anObservationSet())).body.flags).toEqual([
          'pump-running-while-stopped',
        ]);
      });

      it('flags a pump at 0 on a running infusion as a discrepancy', async () => {
        const admission = await anInfusingAdmission();
        const zero = await post(admission.id, anObservationSet({ pumpRate: { value: 0, unit: 'mg/kg/h' } }));
        expect(zero.body.flags).toEqual(['pump-discrepancy']);
      });
    });

    describe('SpO2 scale 2', () => {
      it('is refused until a prescriber documents the target, then stored (audited)', async () => {
        const admission = await anInfusingAdmission();
        const scale2 = anObservationSet({ spo2: 90, spo2Scale: 2 });
        await expectRefused(admission.id, scale2, 'spo2Scale');
        expect(
          (await nurse.post(`/api/admissions/${admission.id}/spo2-scale2-target`, { target: '88-92%' }))
            .status,
        ).toBe(403);
        const set = await prescriber.post(`/api/admissions/${admission.id}/spo2-scale2-target`, {
          target: ' 88-92% ',
        });
        expect(set.status).toBe(201);
        expect(set.body).toMatchObject({ target: '88-92%' });
        expect((await prescriber.get(`/api/admissions/${admission.id}`)).body.spo2Scale2Target).toMatchObject(
          {
            target: '88-92%',
          },
        );
        const stored = await post(admission.id, scale2);
        expect(stored.status).toBe(201);
        expect(stored.body).toMatchObject({ spo2Scale: 2, news2: { total: 0 } });

        const withdrawn = await prescriber.post(`/api/admissions/${admission.id}/spo2-scale2-target`, {
          target: null,
        });
        expect(withdrawn.status).toBe(201);
        expect(withdrawn.body).toBeNull();
        expect((await prescriber.get(`/api/admissions/${admission.id}`)).body.spo2Scale2Target).toBeNull();
        const again = await post(admission.id, scale2);
        expect(again.status).toBe(422);
        expect(await setsOf(admission.id)).toBe(1);
        const audits = await db.query(
          "SELECT change FROM audit_events WHERE action = 'spo2-scale2-target.set' AND admission_id = $1 ORDER BY occurred_at",
          [admission.id],
        );
        expect(audits.rows.map((row) => row.change)).toEqual([
          { before: { target: null }, after: { target: '88-92%' } },
          { before: { target: '88-92%' }, after: { target: null } },
        ]);
      });

      it('is refused (409) once the admission is discharged, storing nothing', async () => {
        const admission = await anAdmittedPatient(prescriber);
        await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
          version: 1,
          summary: 'x',
          reason: 'Declined',
        });
        const response = await prescriber.post(`/api/admissions/${admission.id}/spo2-scale2-target`, {
          target: '88-92%',
        });
        expect(response.status).toBe(409);
        expect(response.body.type).toBe('/problems/illegal-transition');
        expect((await prescriber.get(`/api/admissions/${admission.id}`)).body.spo2Scale2Target).toBeNull();
        const audits = await db.query(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'spo2-scale2-target.set' AND admission_id = $1",
          [admission.id],
        );
        expect(audits.rows[0].n).toBe(0);
      });

      it('refuses a blank target (400), spaces alone included, and stores nothing', async () => {
        const admission = await anInfusingAdmission();
        await prescriber.post(`/api/admissions/${admission.id}/spo2-scale2-target`, { target: '88-92%' });
        for (const target of ['', '   ']) {
          const response = await prescriber.post(`/api/admissions/${admission.id}/spo2-scale2-target`, {
            target,
          });
          expect(response.status).toBe(400);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
        expect((await prescriber.get(`/api/admissions/${admission.id}`)).body.spo2Scale2Target).toMatchObject(
          {
            target: '88-92%',
          },
        );
      });
    });
  });
});
