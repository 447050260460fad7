import { DataSource } from 'typeorm';
import { ApiClient, aUser } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { WardsService } from './wards.service.js';

describe('the ward board', () => {
  let testApp: TestApp;
  let prescriber: ApiClient;
  let nurse: ApiClient;
  let ward: string;
  let counter = 0;

  beforeAll(async () => {
    testApp = await bootTestApp({ WARD_TIME_ZONE: 'Australia/Sydney' });
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
  });
  afterAll(() => testApp.close());

  beforeEach(() => {
    counter += 1;
    ward = `Ward ${counter}`;
  });

  const board = async () => (await nurse.get(`/api/wards/${encodeURIComponent(ward)}/board`)).body;

  it('lists every open admission of the ward, most overdue first, with the current order and latest set', async () => {
    const hour = 3600_000;
    // Bed 1: observed just now. Bed 2: last observed 6 h ago (2 h overdue). Bed 3: no set since admission 3 h ago.
    const fresh = await anAdmittedPatient(prescriber, {
      ward,
      bed: '1',
      admittedAt: new Date(Date.now() - 8 * hour).toISOString(),
    });
    const late = await anAdmittedPatient(prescriber, {
      ward,
      bed: '2',
      admittedAt: new Date(Date.now() - 8 * hour).toISOString(),
    });
    const never = await anAdmittedPatient(prescriber, {
      ward,
      bed: '3',
      admittedAt: new Date(Date.now() - 3 * hour).toISOString(),
    });
    await nurse.post(
      `/api/admissions/${fresh.id}/observation-sets`,
      anObservationSet({ pumpRate: undefined }),
    );
    await nurse.post(
      `/api/admissions/${late.id}/observation-sets`,
      anObservationSet({
        pumpRate: undefined,
        takenAt: new Date(Date.now() - 6 * hour).toISOString(),
        sedation: '3',
      }),
    );
    const ordered = (
      await prescriber.post(
        `/api/admissions/${fresh.id}/infusion-orders`,
        anOrder(1, { rate: { value: 0.15, unit: 'mg/kg/h' } }),
      )
    ).body;

    const rows = (await board()).rows;
    expect(rows.map((row: { bed: string }) => row.bed)).toEqual(['2', '3', '1']);
    expect(rows[0]).toMatchObject({
      admissionId: late.id,
      dueReason: 'sedation',
      lastSet: { sedation: '3', flags: ['unacceptable-sedation'] },
    });
    expect(rows[0].overdueMinutes).toBeGreaterThanOrEqual(344);
    expect(rows[1]).toMatchObject({
      admissionId: never.id,
      dueReason: 'first-set',
      lastSet: null,
      currentOrder: null,
    });
    expect(rows[2]).toMatchObject({
      admissionId: fresh.id,
      overdueMinutes: 0,
      dayOfStay: expect.any(Number),
      currentOrder: { rate: { value: 0.15, unit: 'mg/kg/h' }, concentration: { value: 2, unit: 'mg/mL' } },
      lastSet: { news2Total: 0, news2Response: 'low', news2Complete: true },
    });
    expect(ordered.admission.currentOrder.id).toBe(ordered.id);
  });

  it('leaves out discharged admissions and other wards', async () => {
    const gone = await anAdmittedPatient(prescriber, { ward, bed: '4' });
    await prescriber.post(`/api/admissions/${gone.id}/discharge`, {
      version: 1,
      summary: 'x',
      reason: 'Declined',
    });
    await anAdmittedPatient(prescriber, { ward: `${ward} annex`, bed: '5' });
    expect((await board()).rows).toEqual([]);
  });

  it('intensifies after a start, and drops an entered-in-error set from "last set"', async () => {
    let admission = await anAdmittedPatient(prescriber, { ward, bed: '6' });
    const set = (
      await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({ pumpRate: undefined }),
      )
    ).body;
    admission = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).body
      .admission;
    await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: admission.version,
      type: 'start',
    });
    let [row] = (await board()).rows;
    expect(row.dueReason).toBe('after-change');
    expect(new Date(row.nextDueAt).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    await nurse.post(`/api/observation-sets/${set.id}/entered-in-error`, { reason: 'Wrong bed' });
    [row] = (await board()).rows;
    expect(row.lastSet).toBeNull();
  });

  it('carries the latest infusion event, so a paused row can say so first, and the last pain score', async () => {
    let admission = await anAdmittedPatient(prescriber, { ward, bed: '7' });
    admission = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).body
      .admission;
    const startedAt = new Date(Date.now() - 2 * 3600_000);
    const pausedAt = new Date(Date.now() - 3600_000);
    admission = (
      await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: admission.version,
        type: 'start',
        occurredAt: startedAt.toISOString(),
      })
    ).body;
    await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ pumpRate: undefined, painScore: 4 }),
    );
    let [row] = (await board()).rows;
    expect(row.lastInfusionEvent).toEqual({
      type: 'start',
      occurredAt: startedAt.toISOString(),
      reason: null,
    });
    expect(row.lastSet.painScore).toBe(4);

    await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: admission.version,
      type: 'pause',
      occurredAt: pausedAt.toISOString(),
      reason: 'hallucinations',
    });
    [row] = (await board()).rows;
    expect(row.status).toBe('paused');
    expect(row.lastInfusionEvent).toEqual({
      type: 'pause',
      occurredAt: pausedAt.toISOString(),
      reason: 'hallucinations',
    });
  });

  it('computes next due and overdue across the Sydney daylight-saving change', async () => {
    // Admitted 3 Oct 2026 22:00 AEST; set at 01:30 AEST 4 Oct; clocks go 02:00 -> 03:00 that night.
    const admission = await anAdmittedPatient(prescriber, {
      ward,
      bed: '7',
      admittedAt: '2026-10-03T12:00:00.000Z',
    });
    await nurse.post(
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ pumpRate: undefined, takenAt: '2026-10-03T15:30:00.000Z' }),
    );
    const result = await testApp.app.get(WardsService).board(ward, new Date('2026-10-03T20:00:00.000Z')); // 07:00 AEDT
    expect(result.rows[0]).toMatchObject({
      nextDueAt: '2026-10-03T19:30:00.000Z',
      overdueMinutes: 30,
      dayOfStay: 2,
    });
    const shown = new Intl.DateTimeFormat('en-AU', {
      timeZone: result.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(shown.format(new Date(result.rows[0].nextDueAt))).toBe('06:30');
  });

  it('answers with the same number of queries for 2 patients as for 8 (no N+1)', async () => {
    const dataSource = testApp.app.get(DataSource);
    const countQueries = async () => {
      let queries = 0;
      const original = dataSource.logger.logQuery.bind(dataSource.logger);
      dataSource.logger.logQuery = (...args) => {
        queries += 1;
        return original(...args);
      };
      try {
        await board();
      } finally {
        dataSource.logger.logQuery = original;
      }
      return queries;
    };
    for (let bed = 1; bed <= 2; bed += 1) await anAdmittedPatient(prescriber, { ward, bed: String(bed) });
    const withTwo = await countQueries();
    for (let bed = 3; bed <= 8; bed += 1) {
      const admission = await anAdmittedPatient(prescriber, { ward, bed: String(bed) });
      await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({ pumpRate: undefined }),
      );
    }
    expect((await board()).rows).toHaveLength(8);
    expect(await countQueries()).toBe(withTwo);
    expect(withTwo).toBe(2); // the session check and the board query
  });

  it('follows the schedule the prescriber set', async () => {
    const admission = await anAdmittedPatient(prescriber, { ward, bed: '9' });
    const set = (
      await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({ pumpRate: undefined }),
      )
    ).body;
    const invalid = await prescriber.post(`/api/admissions/${admission.id}/observation-schedule`, {
      routineMinutes: 60,
      intensifiedMinutes: 90,
      intensifiedForMinutes: 60,
    });
    expect(invalid.status).toBe(400);
    const schedule = await prescriber.post(`/api/admissions/${admission.id}/observation-schedule`, {
      routineMinutes: 60,
      intensifiedMinutes: 15,
      intensifiedForMinutes: 60,
    });
    expect(schedule.status).toBe(201);
    const [row] = (await board()).rows;
    expect(row.nextDueAt).toBe(new Date(new Date(set.takenAt).getTime() + 60 * 60_000).toISOString());
    const detail = (await nurse.get(`/api/admissions/${admission.id}`)).body;
    expect(detail.observationSchedule).toMatchObject({
      routineMinutes: 60,
      intensifiedMinutes: 15,
      intensifiedForMinutes: 60,
    });
  });

  it('lists the configured ward and wards with open admissions', async () => {
    await anAdmittedPatient(prescriber, { ward, bed: '1' });
    const wards = (await nurse.get('/api/wards')).body.items;
    expect(wards.map((item: { name: string }) => item.name)).toEqual(
      expect.arrayContaining([testApp.config.wardName, ward]),
    );
  });
});
