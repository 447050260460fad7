import { jest } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiClient, aUser } from '../testing/api-client.js';
import { buildChartRenderer } from '../testing/chart-renderer.js';
import { ModuleWorker } from '../common/module-worker.js';
import { ChartPictures } from './chart-pictures.js';
import { PagePictures } from './page-pictures.js';
import type { Response } from 'supertest';
import { addDays, calendarDateIn } from '@infusion-tracker/clinical';
import {
  aDischargedAdmission,
  anAdmittedPatient,
  anOrder,
  localInstant,
} from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { ENDED_SESSIONS } from '../testing/ended-sessions.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The SVG markup of a picture answer (supertest keeps image bodies as a Buffer). */
const markup = (response: Response): string =>
  Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.text;

type Columns = Record<string, unknown[]> & {
  sideEffects: Record<string, (string | null)[]>;
  news2: Record<string, unknown[]> & { parameters: Record<string, unknown[]> };
};

/** The i-th set of the timeline's columns, shaped as the observations list answers a set. */
function setAt(columns: Columns, index: number) {
  const { sideEffects, news2, pumpRateValue, pumpRateUnit, ...items } = columns;
  const set: Record<string, unknown> = Object.fromEntries(
    Object.entries(items).map(([item, values]) => [item, values[index]]),
  );
  const graded = Object.fromEntries(
    Object.entries(sideEffects)
      .map(([effect, grades]) => [effect, grades[index]])
      .filter(([, grade]) => grade !== null),
  );
  // Nothing graded: side effects not assessed, which the observations list says as null.
  set['sideEffects'] = Object.keys(graded).length > 0 ? graded : null;
  set['pumpRate'] =
    pumpRateValue[index] === null ? null : { value: pumpRateValue[index], unit: pumpRateUnit[index] };
  const { parameters, ...result } = news2;
  set['news2'] = {
    ...Object.fromEntries(Object.entries(result).map(([key, values]) => [key, values[index]])),
    parameters: Object.fromEntries(Object.entries(parameters).map(([key, values]) => [key, values[index]])),
  };
  return set;
}

describe('the admission timeline', () => {
  let testApp: TestApp;
  let db: pg.Client;
  let prescriber: ApiClient;
  let nurse: ApiClient;

  // The renderer as the client build writes it, for the pictures of the stay chart (ADR 12).
  let renderer: ReturnType<typeof buildChartRenderer>;

  beforeAll(async () => {
    renderer = buildChartRenderer();
    testApp = await bootTestApp({ CHART_RENDERER: renderer.file });
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
    renderer.remove();
  });

  /** Admitted 10 h ago, an order at 0.1 mg/kg/h from 9 h ago, started 9 h ago. */
  async function anInfusingAdmission() {
    const admission = await anAdmittedPatient(prescriber, { admittedAt: minutesAgo(600) });
    const ordered = (
      await prescriber.post(
        `/api/admissions/${admission.id}/infusion-orders`,
        anOrder(1, { effectiveFrom: minutesAgo(540) }),
      )
    ).body.admission;
    return (
      await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: ordered.version,
        type: 'start',
        occurredAt: minutesAgo(540),
      })
    ).body;
  }

  async function recordSets(admissionId: string, count: number, firstMinutesAgo: number) {
    for (let index = 0; index < count; index += 1) {
      const response = await nurse.post(
        `/api/admissions/${admissionId}/observation-sets`,
        anObservationSet({ takenAt: minutesAgo(firstMinutesAgo - index * 5), pulse: 70 + index }),
      );
      expect(response.status).toBe(201);
    }
  }

  it('shows every value of a set as recorded, with its stored NEWS2, flags and who recorded it', async () => {
    const admission = await anInfusingAdmission();
    const recorded = (
      await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({
          takenAt: minutesAgo(60),
          supplementalOxygen: true,
          oxygenDevice: 'nasal cannula 2 L/min',
          sedation: '3',
          sideEffects: { nausea: 'moderate', hallucinations: 'none' },
          comment: 'Drowsy after the increase',
        }),
      )
    ).body;
    const timeline = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body;
    const columns = timeline.observations;
    expect(columns.id).toEqual([recorded.id]);
    // Every value as the set was stored; the admission and the recorder's id are said once, not per set.
    const { admissionId, recordedBy, ...stored } = recorded;
    expect(admissionId).toBe(admission.id);
    expect(recordedBy).toEqual(expect.any(String));
    expect(setAt(columns, 0)).toEqual({ ...stored, enteredInError: null });
    expect(columns).toMatchObject({
      pulse: [76],
      sedation: ['3'],
      sideEffects: { nausea: ['moderate'], hallucinations: ['none'] },
      flags: [expect.arrayContaining(['unacceptable-sedation'])],
      news2: { total: [recorded.news2.total] },
    });
    // Each value once: no second copy of the sets elsewhere in the answer.
    expect(Object.keys(timeline).sort()).toEqual(
      [
        'admission',
        'events',
        'followUps',
        'generatedAt',
        'observations',
        'orders',
        'patient',
        'series',
      ].sort(),
    );
    expect(Object.keys(timeline.series).sort()).toEqual(['pauses', 'rate']);
  });

  it('carries partial sets with their reason, confirmed readings, and side effects not assessed as such', async () => {
    const admission = await anInfusingAdmission();
    const post = async (body: Record<string, unknown>) => {
      const response = await nurse.post(`/api/admissions/${admission.id}/observation-sets`, body);
      expect(response.status).toBe(201);
      const { admissionId: _admission, recordedBy: _recorder, ...stored } = response.body;
      return stored;
    };
    // Recorded latest first, so the order on disk is the reverse of the timeline's.
    const extreme = await post(
      anObservationSet({
        takenAt: minutesAgo(30),
        respirationRate: 41,
        confirmedReadings: ['respirationRate'],
      }),
    );
    const other = await post({
      takenAt: minutesAgo(60),
      pulse: 80,
      partialReason: 'other',
      partialReasonText: 'In the bath',
    });
    const asleep = await post({
      takenAt: minutesAgo(90),
      respirationRate: 14,
      spo2: 96,
      sedation: 'S',
      partialReason: 'asleep',
    });
    // A set stored before issue 12 without side effects holds {}: not assessed either.
    const legacyId = '6f1c7a52-7d0e-4d5e-9a57-0b6a1f3e2c11';
    await db.query(
      `INSERT INTO observation_sets
       SELECT (jsonb_populate_record(NULL::observation_sets, to_jsonb(s) || jsonb_build_object(
         'id', $2::uuid, 'taken_at', $3::timestamptz, 'side_effects', '{}'::jsonb, 'idempotency_key', NULL))).*
       FROM observation_sets s WHERE s.id = $1`,
      [extreme.id, legacyId, minutesAgo(120)],
    );

    const timeline = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body;
    const columns = timeline.observations;
    expect(columns.id).toEqual([legacyId, asleep.id, other.id, extreme.id]);
    expect(columns.partialReason).toEqual([null, 'asleep', 'other', null]);
    expect(columns.partialReasonText).toEqual([null, null, 'In the bath', null]);
    expect(columns.confirmedReadings).toEqual([['respirationRate'], [], [], ['respirationRate']]);
    expect(columns.sideEffects).toEqual({
      nausea: [null, null, null, 'mild'],
      vividDreams: [null, null, null, 'none'],
    });
    expect(columns.news2.complete).toEqual([true, false, false, true]);
    expect(columns.news2.total.slice(1, 3)).toEqual([null, null]);
    // Each set as the observations list answers it, partial reason, confirmations and "not assessed" included.
    expect(setAt(columns, 1)).toEqual({ ...asleep, enteredInError: null });
    expect(setAt(columns, 2)).toEqual({ ...other, enteredInError: null });
    expect(setAt(columns, 3)).toEqual({ ...extreme, enteredInError: null });
    const listed = (await nurse.get(`/api/admissions/${admission.id}/observation-sets`)).body.items;
    const legacy = listed.find((set: { id: string }) => set.id === legacyId);
    expect(legacy.sideEffects).toBeNull();
    const { admissionId: _admission, recordedBy: _recorder, ...legacyStored } = legacy;
    expect(setAt(columns, 0)).toEqual({ ...legacyStored, enteredInError: null });
  });

  it('orders orders, events and sets oldest first, whatever the order they were entered in', async () => {
    const admission = await anInfusingAdmission();
    await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ takenAt: minutesAgo(20) }),
    );
    await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ takenAt: minutesAgo(200) }),
    );
    await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ takenAt: minutesAgo(90) }),
    );
    const changed = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(admission.version, {
        rate: { value: 0.15, unit: 'mg/kg/h' },
        effectiveFrom: minutesAgo(120),
        reason: 'Tolerating well',
      }),
    );
    const paused = await nurse.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: changed.body.admission.version,
      type: 'pause',
      occurredAt: minutesAgo(30),
      reason: 'POSS 3',
    });
    expect(paused.status).toBe(201);

    const timeline = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body;
    const taken = timeline.observations.takenAt;
    expect(taken).toHaveLength(3);
    expect([...taken].sort()).toEqual(taken);
    expect(timeline.orders.map((order: { reason: string }) => order.reason)).toEqual([
      'Starting rate',
      'Tolerating well',
    ]);
    expect(timeline.events.map((event: { type: string }) => event.type)).toEqual(['start', 'pause']);
    expect(timeline.series.pauses).toEqual([
      {
        from: timeline.events[1].occurredAt,
        to: null,
        reason: 'POSS 3',
        pausedByName: expect.stringMatching(/^Test nurse/),
      },
    ]);
    expect(timeline.admission).toMatchObject({
      status: 'paused',
      infusionStartedAt: timeline.events[0].occurredAt,
      infusionStoppedAt: null,
      baselinePain: 8,
      weightKg: 72.5,
      consent: { recordedBy: { displayName: expect.stringMatching(/^Test prescriber/) } },
    });
  });

  it('marks superseded and entered-in-error orders and sets, with the reason and who marked them', async () => {
    const admission = await anInfusingAdmission();
    const second = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(admission.version, {
        rate: { value: 0.2, unit: 'mg/kg/h' },
        effectiveFrom: minutesAgo(300),
        reason: 'Increase',
      }),
    );
    const third = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(second.body.admission.version, {
        rate: { value: 0.25, unit: 'mg/kg/h' },
        effectiveFrom: minutesAgo(100),
        reason: 'Typo',
      }),
    );
    const corrected = await prescriber.post(`/api/infusion-orders/${third.body.id}/entered-in-error`, {
      version: third.body.admission.version,
      reason: 'Meant 0.2',
    });
    expect(corrected.status).toBe(201);
    const set = (
      await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({ takenAt: minutesAgo(50) }),
      )
    ).body;
    await nurse.post(`/api/observation-sets/${set.id}/entered-in-error`, { reason: 'Wrong patient' });

    const timeline = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body;
    expect(
      timeline.orders.map((order: { state: string; rate: { value: number } }) => [
        order.state,
        order.rate.value,
      ]),
    ).toEqual([
      ['superseded', 0.1],
      ['current', 0.2],
      ['entered-in-error', 0.25],
    ]);
    expect(timeline.orders[0]).toMatchObject({
      supersededBy: second.body.id,
      supersededAt: timeline.orders[1].effectiveFrom,
    });
    expect(timeline.orders[2].enteredInError).toMatchObject({
      reason: 'Meant 0.2',
      markedByName: expect.stringMatching(/^Test prescriber/),
    });
    expect(timeline.orders[2].enteredByName).toMatch(/^Test prescriber/);
    expect(timeline.observations.enteredInError[0]).toMatchObject({
      reason: 'Wrong patient',
      markedByName: expect.stringMatching(/^Test nurse/),
    });
    expect(timeline.observations.pulse).toHaveLength(1);
    expect(timeline.series.rate).toEqual([
      {
        unit: 'mg/kg/h',
        segments: [
          {
            orderId: timeline.orders[0].id,
            value: 0.1,
            from: timeline.orders[0].effectiveFrom,
            to: timeline.orders[1].effectiveFrom,
          },
          { orderId: second.body.id, value: 0.2, from: timeline.orders[1].effectiveFrom, to: null },
        ],
      },
    ]);
  });

  it('keeps units exactly as entered: a change of unit starts another line, nothing converted', async () => {
    const admission = await anInfusingAdmission();
    const changed = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(admission.version, {
        rate: { value: 7.25, unit: 'mg/h' },
        maxRate: { value: 20, unit: 'mg/h' },
        increment: { value: 2.5, unit: 'mg/h' },
        concentration: { value: 1, unit: 'mg/mL' },
        effectiveFrom: minutesAgo(60),
        reason: 'Fixed dose per hour',
      }),
    );
    expect(changed.status).toBe(201);
    const stopped = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: changed.body.admission.version,
      type: 'stop',
      occurredAt: minutesAgo(10),
      reason: 'Course complete',
    });
    expect(stopped.status).toBe(201);
    const timeline = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body;
    expect(
      timeline.orders.map((order: { rate: unknown; concentration: unknown }) => [
        order.rate,
        order.concentration,
      ]),
    ).toEqual([
      [
        { value: 0.1, unit: 'mg/kg/h' },
        { value: 2, unit: 'mg/mL' },
      ],
      [
        { value: 7.25, unit: 'mg/h' },
        { value: 1, unit: 'mg/mL' },
      ],
    ]);
    expect(timeline.orders[1].maxRate).toEqual({ value: 20, unit: 'mg/h' });
    expect(
      timeline.series.rate.map((line: { unit: string; segments: { value: number; to: string | null }[] }) => [
        line.unit,
        line.segments.map((s) => s.value),
      ]),
    ).toEqual([
      ['mg/kg/h', [0.1]],
      ['mg/h', [7.25]],
    ]);
    expect(timeline.series.rate[1].segments[0].to).toBe(timeline.admission.infusionStoppedAt);
  });

  it('reads in one SQL statement, the session check included, for 2 sets as for 40', async () => {
    const dataSource = testApp.app.get(DataSource);
    async function statementsFor(admissionId: string) {
      const spy = jest.spyOn(dataSource.logger, 'logQuery');
      try {
        const response = await prescriber.get(`/api/admissions/${admissionId}/timeline`);
        expect(response.status).toBe(200);
        // The session was checked lately by this process, so the statement checks it too (ADR 10).
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    }
    const small = await anInfusingAdmission();
    await recordSets(small.id, 2, 400);
    const large = await anInfusingAdmission();
    await recordSets(large.id, 40, 400);
    expect((await prescriber.get(`/api/admissions/${large.id}/timeline`)).body.observations.id).toHaveLength(
      40,
    );
    const forSmall = await statementsFor(small.id);
    const forLarge = await statementsFor(large.id);
    expect(forSmall).toBe(1);
    expect(forLarge).toBe(1);
  });

  it('is an audited read of the patient record, naming who read it and from which request', async () => {
    const admission = await anInfusingAdmission();
    const response = await nurse.get(`/api/admissions/${admission.id}/timeline`);
    expect(response.status).toBe(200);
    const audit = await db.query(
      "SELECT user_display_name, entity_type, entity_id, request_id FROM audit_events WHERE action = 'admission.timeline-viewed' AND admission_id = $1",
      [admission.id],
    );
    expect(audit.rows).toEqual([
      {
        user_display_name: expect.stringMatching(/^Test nurse/),
        entity_type: 'admission',
        entity_id: admission.id,
        request_id: response.headers['x-request-id'],
      },
    ]);
  });

  it('answers 404 as problem+json for an unknown admission, auditing nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await prescriber.get(`/api/admissions/${unknown}/timeline`);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const audit = await db.query('SELECT count(*)::int AS n FROM audit_events WHERE admission_id = $1', [
      unknown,
    ]);
    expect(audit.rows[0].n).toBe(0);
  });

  it('is for nurses and prescribers; an auditor or admin is refused', async () => {
    const admission = await anInfusingAdmission();
    const auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
    const admin = await ApiClient.signedIn(testApp, (await aUser(testApp, ['admin'])).username);
    const anonymous = await ApiClient.anonymous(testApp);
    expect((await nurse.get(`/api/admissions/${admission.id}/timeline`)).status).toBe(200);
    expect((await auditor.get(`/api/admissions/${admission.id}/timeline`)).status).toBe(403);
    expect((await admin.get(`/api/admissions/${admission.id}/timeline`)).status).toBe(403);
    expect((await anonymous.get(`/api/admissions/${admission.id}/timeline`)).status).toBe(401);
  });

  it('has an empty follow-ups list, with its shape, before discharge', async () => {
    const admission = await anInfusingAdmission();
    const timeline = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body;
    expect(timeline.followUps).toEqual({
      available: true,
      baselinePain: 8,
      painAtDischarge: null,
      benefitEndedOn: null,
      items: [],
    });
  });

  it('has the follow-ups by due date with their current outcome, pain at discharge and when benefit ended', async () => {
    const zone = testApp.config.wardTimeZone;
    const dischargedOn = addDays(calendarDateIn(new Date(), zone), -30);
    const admission = await aDischargedAdmission(prescriber, {
      dischargedAt: localInstant(dischargedOn, '10:00', zone),
      painAtDischarge: 4,
    });
    const before = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body.followUps;
    const [week1, , week4] = before.items;
    const outcome = (assessedOn: string, painNow: number, ended: string | null) => ({
      assessedOn,
      method: 'phone',
      painNow,
      benefitOngoing: ended === null,
      ...(ended ? { benefitEndedOn: ended } : {}),
    });
    const first = await nurse.post(
      `/api/follow-ups/${week1.id}/outcome`,
      outcome(addDays(dischargedOn, 7), 3, null),
    );
    expect(first.status).toBe(201);
    const fourth = await nurse.post(
      `/api/follow-ups/${week4.id}/outcome`,
      outcome(addDays(dischargedOn, 28), 7, addDays(dischargedOn, 20)),
    );
    expect(fourth.status).toBe(201);

    const { followUps } = (await prescriber.get(`/api/admissions/${admission.id}/timeline`)).body;
    expect(followUps).toMatchObject({
      available: true,
      baselinePain: 8,
      painAtDischarge: 4,
      benefitEndedOn: addDays(dischargedOn, 20),
    });
    expect(
      followUps.items.map((item: { label: string; status: string; outcome: { painNow: number } | null }) => [
        item.label,
        item.status,
        item.outcome?.painNow ?? null,
      ]),
    ).toEqual([
      ['Week 1', 'done', 3],
      ['Week 2', 'overdue', null],
      ['Week 4', 'done', 7],
      ['Week 8', 'upcoming', null],
      ['Week 12', 'upcoming', null],
      ['Week 26', 'upcoming', null],
    ]);
    expect(followUps.items[2].outcome).toMatchObject({
      benefitOngoing: false,
      benefitEndedOn: addDays(dischargedOn, 20),
      recordedByName: expect.stringMatching(/^Test nurse/),
    });
  });

  it('is the same JSON gzip-compressed for a client that accepts it, and plain for one that does not', async () => {
    const admission = await anInfusingAdmission();
    await recordSets(admission.id, 30, 300);
    const path = `/api/admissions/${admission.id}/timeline`;
    const plain = await prescriber.get(path, { 'Accept-Encoding': 'identity' });
    const compressed = await prescriber.get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
    const refused = await prescriber.get(path, { 'Accept-Encoding': '*, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(compressed.headers['content-encoding']).toBe('gzip');
    for (const response of [plain, compressed]) {
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    }
    // Everything but the moment it was generated is the same, the 30 sets included.
    const { generatedAt: _plainAt, ...plainBody } = plain.body;
    const { generatedAt: _compressedAt, ...compressedBody } = compressed.body;
    expect(compressedBody).toEqual(plainBody);
    expect(compressedBody.observations.pulse).toHaveLength(30);
    expect(Number(compressed.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 3);
  });

  describe('the answer this process gave last, given again while current (ADR 11)', () => {
    async function timelineOf(admissionId: string) {
      const response = await prescriber.get(`/api/admissions/${admissionId}/timeline`);
      expect(response.status).toBe(200);
      return response.body;
    }

    it('answers a second read with the same sets as the first, and audits both', async () => {
      const admission = await anInfusingAdmission();
      await recordSets(admission.id, 3, 300);
      const first = await timelineOf(admission.id);
      const second = await timelineOf(admission.id);
      expect(second.observations).toEqual(first.observations);
      expect(second.observations.pulse).toEqual([70, 71, 72]);
      const audit = await db.query(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.timeline-viewed' AND admission_id = $1",
        [admission.id],
      );
      expect(audit.rows[0].n).toBe(2);
    });

    it('shows a set recorded, or marked entered in error, since the last read', async () => {
      const admission = await anInfusingAdmission();
      await recordSets(admission.id, 2, 300);
      expect((await timelineOf(admission.id)).observations.pulse).toEqual([70, 71]);
      await recordSets(admission.id, 1, 100);
      const after = await timelineOf(admission.id);
      expect(after.observations.pulse).toEqual([70, 71, 70]);
      const marked = await nurse.post(`/api/observation-sets/${after.observations.id[0]}/entered-in-error`, {
        reason: 'Recorded on the wrong patient',
      });
      expect(marked.status).toBe(200);
      expect((await timelineOf(admission.id)).observations.enteredInError[0]).toMatchObject({
        reason: 'Recorded on the wrong patient',
      });
    });

    it("shows a new order, an infusion event and a correction of the patient's details at once", async () => {
      const admission = await anInfusingAdmission();
      const first = await timelineOf(admission.id);
      expect(first.orders).toHaveLength(1);
      const ordered = await prescriber.post(
        `/api/admissions/${admission.id}/infusion-orders`,
        anOrder(admission.version, { effectiveFrom: minutesAgo(60), reason: 'Pain not controlled' }),
      );
      expect(ordered.status).toBe(201);
      const afterOrder = await timelineOf(admission.id);
      expect(afterOrder.orders.map((order: { reason: string }) => order.reason).at(-1)).toBe(
        'Pain not controlled',
      );
      const paused = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: ordered.body.admission.version,
        type: 'pause',
        reason: 'Hallucinations',
      });
      expect(paused.status).toBe(201);
      expect((await timelineOf(admission.id)).events.map((event: { type: string }) => event.type)).toEqual([
        'start',
        'pause',
      ]);
      // No route edits a patient's name; a correction made in the database still shows at once.
      await db.query(
        "UPDATE patients SET family_name = 'Corrected-Name' WHERE id = (SELECT patient_id FROM admissions WHERE id = $1)",
        [admission.id],
      );
      expect((await timelineOf(admission.id)).patient.familyName).toBe('Corrected-Name');
    });

    it("shows a recorder's new display name at once", async () => {
      const admin = await ApiClient.signedIn(testApp, (await aUser(testApp, ['admin'])).username);
      const renamed = await aUser(testApp, ['nurse']);
      const recorder = await ApiClient.signedIn(testApp, renamed.username);
      const admission = await anInfusingAdmission();
      const set = await recorder.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({ takenAt: minutesAgo(30) }),
      );
      expect(set.status).toBe(201);
      expect((await timelineOf(admission.id)).observations.recordedByName).toEqual([renamed.displayName]);
      const update = await admin.patch(`/api/users/${renamed.id}`, { displayName: 'Alex Renamed-Nurse' });
      expect(update.status).toBe(200);
      expect((await timelineOf(admission.id)).observations.recordedByName).toEqual(['Alex Renamed-Nurse']);
    });

    it('is made again only when the stay has changed: the generation is what keeps it current', async () => {
      const admission = await anInfusingAdmission();
      await recordSets(admission.id, 1, 300);
      expect((await timelineOf(admission.id)).observations.pulse).toEqual([70]);
      // A change the generation does not see (its trigger off) is not shown: the kept columns are used.
      await db.query('ALTER TABLE observation_sets DISABLE TRIGGER observation_sets_outdate_stay_summary');
      try {
        await db.query('UPDATE observation_sets SET comment = $2 WHERE admission_id = $1', [
          admission.id,
          'changed behind the generation',
        ]);
        expect((await timelineOf(admission.id)).observations.comment).toEqual([null]);
      } finally {
        await db.query('ALTER TABLE observation_sets ENABLE TRIGGER observation_sets_outdate_stay_summary');
      }
      await db.query('SELECT stay_summary_outdated($1)', [admission.id]);
      expect((await timelineOf(admission.id)).observations.comment).toEqual([
        'changed behind the generation',
      ]);
    });
  });

  describe('the session, checked in the same statement (ADR 10)', () => {
    /** A nurse who has read the admission's timeline, so that this process holds their session. */
    async function aNurseWhoRead(admissionId: string) {
      const user = await aUser(testApp, ['nurse']);
      const reader = await ApiClient.signedIn(testApp, user.username);
      expect((await reader.get(`/api/admissions/${admissionId}/timeline`)).status).toBe(200);
      return { reader, userId: user.id };
    }

    async function readsAudited(userId: string) {
      const { rows } = await db.query(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.timeline-viewed' AND user_id = $1",
        [userId],
      );
      return rows[0].n;
    }

    it.each(ENDED_SESSIONS)(
      'answers nothing and audits nothing when the session is %s since',
      async (_, sql, status) => {
        const admission = await anInfusingAdmission();
        await recordSets(admission.id, 1, 60);
        const { reader, userId } = await aNurseWhoRead(admission.id);
        await db.query(sql, [userId]);
        const response = await reader.get(`/api/admissions/${admission.id}/timeline`);
        expect(response.status).toBe(status);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(response.body.observations).toBeUndefined();
        expect(await readsAudited(userId)).toBe(1);
      },
    );

    it('tells a session that has ended nothing about which admissions exist', async () => {
      const admission = await anInfusingAdmission();
      const { reader, userId } = await aNurseWhoRead(admission.id);
      await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [userId]);
      const unknown = await reader.get('/api/admissions/00000000-0000-4000-8000-000000000000/timeline');
      expect(unknown.status).toBe(401);
    });

    it('restarts the idle clock as the guard does', async () => {
      const admission = await anInfusingAdmission();
      const { reader, userId } = await aNurseWhoRead(admission.id);
      await db.query("UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1", [
        userId,
      ]);
      expect((await reader.get(`/api/admissions/${admission.id}/timeline`)).status).toBe(200);
      const { rows } = await db.query(
        "SELECT last_seen_at > now() - interval '1 minute' AS recent FROM sessions WHERE user_id = $1",
        [userId],
      );
      expect(rows).toEqual([{ recent: true }]);
    });
  });

  describe('the picture of the stay chart (ADR 12)', () => {
    /** An infusing admission (anInfusingAdmission) paused 2 h ago, with two sets. */
    async function aPausedStay() {
      const started = await anInfusingAdmission();
      const paused = await prescriber.post(`/api/admissions/${started.id}/infusion-events`, {
        version: started.version,
        type: 'pause',
        occurredAt: minutesAgo(120),
        reason: 'Vivid dreams',
      });
      expect(paused.status).toBe(201);
      await recordSets(started.id, 2, 300);
      return started;
    }

    const pictureOf = (id: string, query = 'width=900') => `/api/admissions/${id}/timeline/picture?${query}`;

    it('is the chart as SVG at the width asked, with its lanes, the pause and the unit as entered', async () => {
      const stay = await aPausedStay();
      const response = await prescriber.get(pictureOf(stay.id));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
      );
      const svg = markup(response);
      expect(svg).toMatch(/^<svg[^>]* width="900"/);
      expect(svg).toContain('mg/kg/h');
      expect(svg).toContain('Paused');
      expect(svg).toContain('<pattern'); // the pause's hatching
      expect(svg).not.toContain('ecmeta_'); // nothing for ECharts to take over: a picture

      const compact = markup(await prescriber.get(pictureOf(stay.id, 'width=360&compact=true')));
      expect(compact).toMatch(/^<svg[^>]* width="360"/);
    });

    it('is an audited read of the timeline, each time', async () => {
      const stay = await aPausedStay();
      const count = async () =>
        (
          await db.query(
            "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.timeline-viewed' AND admission_id = $1",
            [stay.id],
          )
        ).rows[0].n;
      expect(await count()).toBe(0);
      await nurse.get(pictureOf(stay.id));
      await nurse.get(pictureOf(stay.id));
      expect(await count()).toBe(2);
    });

    it('is drawn again when the stay changes, and is the same picture while it does not', async () => {
      const stay = await aPausedStay();
      const minute = () => Math.floor(Date.now() / 60_000);
      const before = minute();
      const first = markup(await prescriber.get(pictureOf(stay.id)));
      const again = markup(await prescriber.get(pictureOf(stay.id)));
      const sameMinute = minute() === before;
      const recorded = await nurse.post(
        `/api/admissions/${stay.id}/observation-sets`,
        anObservationSet({ takenAt: minutesAgo(30), pulse: 131 }),
      );
      expect(recorded.status).toBe(201);
      const after = markup(await prescriber.get(pictureOf(stay.id)));
      // Within one minute the same picture ("now" on the chart is the minute's start); should the minute
      // turn between the two reads, "now" moves and the two may differ.
      if (sameMinute) expect(again).toBe(first);
      expect(after).not.toBe(again);
      expect(after.match(/<path/g)?.length ?? 0).toBeGreaterThan(first.match(/<path/g)?.length ?? 0);
    });

    it('is drawn for a page rendered on the server as the page is sent, from the timeline its render read', async () => {
      const stay = await aPausedStay();
      const pagePictures = testApp.app.get(PagePictures);
      const prepared = jest.spyOn(ChartPictures.prototype, 'prepare');
      const calls = jest.spyOn(ModuleWorker.prototype, 'call');
      const drawings = () => calls.mock.calls.filter(([name]) => name === 'renderStayPicture').length;
      const page = `<img class="chart-picture" src="/api/admissions/${stay.id}/timeline/picture?width=900&amp;compact=false">`;
      try {
        // Not before this process holds the stay's timeline (the render reads it first): nothing is read here.
        pagePictures.prepare(page);
        expect(prepared).not.toHaveBeenCalled();
        const minute = () => Math.floor(Date.now() / 60_000);
        const before = minute();
        expect((await prescriber.get(`/api/admissions/${stay.id}/timeline`)).status).toBe(200);
        const audited = async () =>
          (
            await db.query(
              "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.timeline-viewed' AND admission_id = $1",
              [stay.id],
            )
          ).rows[0].n;
        expect(await audited()).toBe(1);
        pagePictures.prepare('<p>A page without a picture</p>');
        expect(prepared).not.toHaveBeenCalled();
        pagePictures.prepare(page);
        expect(prepared).toHaveBeenCalledWith(expect.anything(), 900, false);
        await prepared.mock.results[0]!.value;
        expect(drawings()).toBe(1); // drawn, with no request for it
        expect(await audited()).toBe(1); // and nothing read

        // The browser's request for it reads it (audited) and, in the same minute, finds it drawn.
        const picture = await prescriber.get(pictureOf(stay.id)); // width=900, not compact
        expect(markup(picture)).toMatch(/^<svg[^>]* width="900"/);
        expect(await audited()).toBe(2);
        if (minute() === before) expect(drawings()).toBe(1);
      } finally {
        prepared.mockRestore();
        calls.mockRestore();
      }
    });

    it('is the same markup gzip-compressed for a client that accepts it', async () => {
      const stay = await aPausedStay();
      const plain = await prescriber.get(pictureOf(stay.id), { 'Accept-Encoding': 'identity' });
      const compressed = await prescriber.get(pictureOf(stay.id), { 'Accept-Encoding': 'gzip' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(compressed.headers['content-encoding']).toBe('gzip');
      expect(compressed.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(markup(compressed).length).toBeGreaterThan(1000);
      expect(Number(compressed.headers['content-length'])).toBeLessThan(markup(plain).length / 3);
    });

    it('refuses a width that is not a whole number of pixels, and an unknown layout, with problem+json', async () => {
      const stay = await aPausedStay();
      for (const query of [
        '',
        'width=0',
        'width=12',
        'width=1e3',
        'width=900.5',
        'width=99999',
        'width=900&compact=1',
      ]) {
        const response = await prescriber.get(pictureOf(stay.id, query));
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('is for nurses and prescribers, like the timeline; 404 for an unknown admission', async () => {
      const stay = await aPausedStay();
      const auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
      expect((await auditor.get(pictureOf(stay.id))).status).toBe(403);
      expect((await (await ApiClient.anonymous(testApp)).get(pictureOf(stay.id))).status).toBe(401);
      const unknown = await prescriber.get(pictureOf('00000000-0000-4000-8000-000000000000'));
      expect(unknown.status).toBe(404);
    });

    it('is a 404 problem on a server without the chart renderer, which the page then draws alone', async () => {
      const withoutRenderer = await bootTestApp();
      try {
        const user = await ApiClient.signedIn(
          withoutRenderer,
          (await aUser(withoutRenderer, ['prescriber'])).username,
        );
        const admission = await anAdmittedPatient(user, { admittedAt: minutesAgo(60) });
        const response = await user.get(pictureOf(admission.id));
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        // Nothing was read of the record, so nothing audited.
        const client = new pg.Client({ connectionString: withoutRenderer.database.url });
        await client.connect();
        const audit = await client.query(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.timeline-viewed'",
        );
        await client.end();
        expect(audit.rows[0].n).toBe(0);
      } finally {
        await withoutRenderer.close();
      }
    });
  });
});
