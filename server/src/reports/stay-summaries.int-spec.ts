import { DataSource } from 'typeorm';
import { ApiClient, aUser } from '../testing/api-client.js';
import { aPatient, anAdmission, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The service report adds up a stored summary of each discharged stay (ADR 9). A correction after
 * discharge must change the report at once, and a summary made before a change must never be read.
 */
describe('stay summaries of the service report', () => {
  let testApp: TestApp;
  let prescriber: ApiClient;
  let auditor: ApiClient;
  let database: DataSource;
  let counter = 0;

  beforeAll(async () => {
    testApp = await bootTestApp({ WARD_TIME_ZONE: 'Australia/Sydney' });
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber', 'nurse'])).username);
    auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
    database = testApp.app.get(DataSource);
  });
  afterAll(() => testApp.close());

  function ok<T = { id: string; version: number }>(response: {
    status: number;
    body: unknown;
    text: string;
  }): T {
    if (response.status >= 300) throw new Error(`set-up failed: ${response.status} ${response.text}`);
    return response.body as T;
  }

  /**
   * One discharged stay (times UTC): order 02:30, start 03:00, a set at 03:20 (due 03:30, on time), a
   * rate change at 03:40, a set at 04:05 grading nausea severe (due 04:10 after the change: on time).
   */
  async function aDischargedStay() {
    counter += 1;
    const ward = `Summary ward ${counter}`;
    const patient = ok(await prescriber.post('/api/patients', aPatient()));
    let admission = ok(
      await prescriber.post(
        '/api/admissions',
        anAdmission(patient.id, { ward, admittedAt: '2026-02-02T02:00:00.000Z' }),
      ),
    );
    const id = admission.id;
    let version = admission.version;
    const order = async (effectiveFrom: string) => {
      const body = ok<{ id: string; admission: { version: number } }>(
        await prescriber.post(`/api/admissions/${id}/infusion-orders`, anOrder(version, { effectiveFrom })),
      );
      version = body.admission.version;
      return body.id;
    };
    await order('2026-02-02T02:30:00.000Z');
    admission = ok(
      await prescriber.post(`/api/admissions/${id}/infusion-events`, {
        version,
        type: 'start',
        occurredAt: '2026-02-02T03:00:00.000Z',
      }),
    );
    version = admission.version;
    const set = async (takenAt: string, overrides: Record<string, unknown> = {}) =>
      ok(
        await prescriber.post(`/api/admissions/${id}/observation-sets`, {
          ...anObservationSet(overrides),
          takenAt,
        }),
      ).id;
    await set('2026-02-02T03:20:00.000Z', { sideEffects: { nausea: 'none' } });
    const rateChange = await order('2026-02-02T03:40:00.000Z');
    const secondSet = await set('2026-02-02T04:05:00.000Z', { sideEffects: { nausea: 'severe' } });
    admission = ok(
      await prescriber.post(`/api/admissions/${id}/infusion-events`, {
        version,
        type: 'stop',
        occurredAt: '2026-02-04T01:00:00.000Z',
      }),
    );
    version = admission.version;
    ok(
      await prescriber.post(`/api/admissions/${id}/discharge`, {
        version,
        summary: 'Home.',
        dischargedAt: '2026-02-04T02:00:00.000Z',
        painAtDischarge: 4,
      }),
    );
    return {
      ward,
      id,
      rateChange,
      secondSet,
      version: async () => ok(await prescriber.get(`/api/admissions/${id}`)).version,
    };
  }

  /** The report; `asked` a different question about the same cohort, so that no kept answer is given. */
  async function report(ward: string, asked = '') {
    const response = await auditor.get(`/api/reports/service?ward=${encodeURIComponent(ward)}${asked}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  const nausea = (body: { sideEffects: { sideEffect: string }[] }) =>
    body.sideEffects.find((row) => row.sideEffect === 'nausea');

  async function storedSummary(admissionId: string) {
    const [row] = await database.query(
      `SELECT generation::int, summarized_generation::int, sets FROM stay_summaries WHERE admission_id = $1`,
      [admissionId],
    );
    return row;
  }

  it('keeps a current summary of a discharged stay once reported, and reads the figures it made', async () => {
    const stay = await aDischargedStay();
    const before = await report(stay.ward);
    expect(before.observationsOnTime).toMatchObject({ sets: 2, assessed: 2, onTime: 2 });
    const stored = await storedSummary(stay.id);
    expect(stored.summarized_generation).toBe(stored.generation);
    expect(stored.sets).toBe(2);

    // The report adds up the stored figures, not the sets: altered in place, they are what it shows
    // (asked anew: the same question, its sources unchanged, would be given the kept answer).
    await database.query(`UPDATE stay_summaries SET sets = 7 WHERE admission_id = $1`, [stay.id]);
    expect((await report(stay.ward)).observationsOnTime.sets).toBe(2);
    expect((await report(stay.ward, '&admittedTo=2100-01-01')).observationsOnTime.sets).toBe(7);
  });

  it('never reads a summary made at an older generation, and makes it again', async () => {
    const stay = await aDischargedStay();
    await report(stay.ward);
    await database.query(
      `UPDATE stay_summaries SET sets = 7, summarized_generation = generation - 1 WHERE admission_id = $1`,
      [stay.id],
    );
    expect((await report(stay.ward, '&admittedTo=2100-01-01')).observationsOnTime.sets).toBe(2);
    const stored = await storedSummary(stay.id);
    expect(stored).toMatchObject({ sets: 2, summarized_generation: stored.generation });
  });

  it('counts a set marked entered in error after discharge out of the report at once', async () => {
    const stay = await aDischargedStay();
    const before = await report(stay.ward);
    expect(nausea(before)).toMatchObject({ none: 0, severe: 1 });
    const generation = (await storedSummary(stay.id)).generation;

    const marked = await prescriber.post(`/api/observation-sets/${stay.secondSet}/entered-in-error`, {
      reason: 'Wrong patient',
    });
    expect(marked.status).toBe(200);
    expect((await storedSummary(stay.id)).generation).toBeGreaterThan(generation);

    const after = await report(stay.ward);
    expect(after.observationsOnTime).toMatchObject({ sets: 1, assessed: 1, onTime: 1 });
    expect(nausea(after)).toMatchObject({ none: 1, severe: 0 });
    expect(after.pumpChecks.checks).toBe(before.pumpChecks.checks - 1);
  });

  it('times the sets again when a rate order is marked entered in error after discharge', async () => {
    const stay = await aDischargedStay();
    expect((await report(stay.ward)).observationsOnTime).toMatchObject({ assessed: 2, onTime: 2 });

    const marked = await prescriber.post(`/api/infusion-orders/${stay.rateChange}/entered-in-error`, {
      version: await stay.version(),
      reason: 'Wrong rate',
    });
    expect(marked.status).toBe(201);
    // Without the change at 03:40, the set at 04:05 was due 30 minutes after the one at 03:20: late.
    expect((await report(stay.ward)).observationsOnTime).toMatchObject({ assessed: 2, onTime: 1 });
  });
});
