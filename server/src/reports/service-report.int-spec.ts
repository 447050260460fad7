import { DataSource } from 'typeorm';
import { wilsonInterval } from '@infusion-tracker/clinical';
import { ApiClient, aUser } from '../testing/api-client.js';
import { aPatient, anAdmission, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

interface StayBody {
  id: string;
  version: number;
  admission?: { version: number };
}

/** One stay recorded through the API step by step, keeping the admission's version. */
class Stay {
  private version = 1;
  id = '';

  constructor(private readonly prescriber: ApiClient) {}

  static async admit(prescriber: ApiClient, ward: string, admittedAt: string): Promise<Stay> {
    const stay = new Stay(prescriber);
    const patient = await prescriber.post('/api/patients', aPatient());
    const admission = stay.check(
      await prescriber.post('/api/admissions', anAdmission(patient.body.id, { ward, admittedAt })),
    );
    stay.id = admission.id;
    stay.version = admission.version;
    return stay;
  }

  async order(effectiveFrom: string): Promise<this> {
    const body = this.check(
      await this.prescriber.post(
        `/api/admissions/${this.id}/infusion-orders`,
        anOrder(this.version, { effectiveFrom }),
      ),
    );
    this.version = (body.admission ?? body).version;
    return this;
  }

  async event(
    type: 'start' | 'pause' | 'resume' | 'stop',
    occurredAt: string,
    reason?: string,
  ): Promise<this> {
    const body = this.check(
      await this.prescriber.post(`/api/admissions/${this.id}/infusion-events`, {
        version: this.version,
        type,
        occurredAt,
        ...(reason ? { reason } : {}),
      }),
    );
    this.version = body.version;
    return this;
  }

  async set(takenAt: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const body = this.check(
      await this.prescriber.post(`/api/admissions/${this.id}/observation-sets`, {
        ...anObservationSet(overrides),
        takenAt,
      }),
    );
    return body.id;
  }

  async discharge(dischargedAt: string, started = true): Promise<this> {
    this.check(
      await this.prescriber.post(`/api/admissions/${this.id}/discharge`, {
        version: this.version,
        summary: 'Home.',
        dischargedAt,
        ...(started ? { painAtDischarge: 4 } : { reason: 'Intercurrent infection' }),
      }),
    );
    return this;
  }

  private check(response: { status: number; body: unknown; text: string }): StayBody {
    if (response.status >= 300) throw new Error(`stay set-up failed: ${response.status} ${response.text}`);
    return response.body as StayBody;
  }
}

// NEWS2 5 (respiration 25 scores 3, SpO2 93 on scale 1 scores 2): a medium response.
const NEWS2_FIVE = { respirationRate: 25, spo2: 93 };

describe('GET /api/reports/service', () => {
  let testApp: TestApp;
  let prescriber: ApiClient;
  let auditor: ApiClient;
  let counter = 0;

  beforeAll(async () => {
    testApp = await bootTestApp({ WARD_TIME_ZONE: 'Australia/Sydney' });
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber', 'nurse'])).username);
    auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
  });
  afterAll(() => testApp.close());

  const aWard = () => {
    counter += 1;
    return `Service ward ${counter}`;
  };

  async function report(ward: string, query = '') {
    const response = await auditor.get(`/api/reports/service?ward=${encodeURIComponent(ward)}${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /**
   * Four admissions of one ward (times UTC; Sydney is 11 hours ahead, the same calendar day):
   * A, January: started 03:00, seven sets, one pause, discharged after 3 days, two follow-ups done.
   * B, March: one set (and one entered in error), two pauses, discharged after 5.5 days, lost to follow-up.
   * C, March: discharged after 1 day without the infusion, no set. D, March: still admitted, one set
   * without sedation, side effects or pump check, taken before any start.
   */
  async function aServiceCohort(ward: string) {
    const a = await Stay.admit(prescriber, ward, '2026-01-05T02:00:00.000Z');
    await a.order('2026-01-05T02:30:00.000Z');
    await a.event('start', '2026-01-05T03:00:00.000Z');
    // Due 03:30 (30 min after the start): on time.
    await a.set('2026-01-05T03:20:00.000Z', { sideEffects: { nausea: 'mild', vividDreams: 'none' } });
    // Due 03:50 (intensified, inside the 2 h window): late.
    await a.set('2026-01-05T03:55:00.000Z');
    // Due 04:25: on time. NEWS2 5, POSS 3, the pump showing another rate: an episode starts.
    await a.set('2026-01-05T04:20:00.000Z', {
      ...NEWS2_FIVE,
      sedation: '3',
      sideEffects: { nausea: 'severe', hallucinations: 'moderate' },
      pumpRate: { value: 0.2, unit: 'mg/kg/h' },
    });
    await a.event('pause', '2026-01-05T04:25:00.000Z', 'Over-sedation (POSS 3)');
    // Due 04:35 (15 min after POSS 3): on time, to the minute. Still NEWS2 5: the same episode.
    await a.set('2026-01-05T04:35:00.000Z', {
      ...NEWS2_FIVE,
      sedation: '2',
      sideEffects: undefined,
      pumpRate: undefined,
    });
    await a.event('resume', '2026-01-05T05:00:00.000Z');
    // Due 05:30 (after the resume): on time.
    await a.set('2026-01-05T05:20:00.000Z', { sideEffects: { nausea: 'none' } });
    // Due 05:50: late. NEWS2 5 again after a set below: a second episode.
    await a.set('2026-01-05T06:40:00.000Z', NEWS2_FIVE);
    // Due 07:40 (hourly after NEWS2 5; the window after the resume has closed): on time.
    await a.set('2026-01-05T07:30:00.000Z');
    await a.event('stop', '2026-01-08T01:00:00.000Z');
    await a.discharge('2026-01-08T02:00:00.000Z');

    const b = await Stay.admit(prescriber, ward, '2026-03-10T02:00:00.000Z');
    await b.order('2026-03-10T02:30:00.000Z');
    await b.event('start', '2026-03-10T03:00:00.000Z');
    await b.set('2026-03-10T03:10:00.000Z', {
      sedation: 'S',
      sideEffects: { nausea: 'none', vividDreams: 'mild' },
    });
    const wrong = await b.set('2026-03-10T03:40:00.000Z', {
      ...NEWS2_FIVE,
      sedation: '4',
      sideEffects: { dizziness: 'severe' },
      pumpRate: { value: 9, unit: 'mL/h' },
    });
    expect(
      (await prescriber.post(`/api/observation-sets/${wrong}/entered-in-error`, { reason: 'Wrong patient' }))
        .status,
    ).toBe(200);
    await b.event('pause', '2026-03-10T04:00:00.000Z', '  over-sedation (poss 3)');
    await b.event('resume', '2026-03-10T04:30:00.000Z');
    await b.event('pause', '2026-03-10T05:00:00.000Z', 'Line problem');
    await b.event('resume', '2026-03-10T05:30:00.000Z');
    await b.event('stop', '2026-03-15T01:00:00.000Z');
    await b.discharge('2026-03-15T14:00:00.000Z');

    const c = await Stay.admit(prescriber, ward, '2026-03-20T02:00:00.000Z');
    await c.discharge('2026-03-21T02:00:00.000Z', false);

    const d = await Stay.admit(prescriber, ward, '2026-03-25T02:00:00.000Z');
    await d.set('2026-03-25T04:00:00.000Z', {
      sedation: undefined,
      sideEffects: undefined,
      pumpRate: undefined,
    });

    // A answers at weeks 1 and 2 (its other four follow-ups are long past their windows: missed).
    const followUpsOf = async (stay: Stay) =>
      (await prescriber.get(`/api/admissions/${stay.id}/follow-ups`)).body.items as {
        id: string;
        weeks: number;
      }[];
    const aFollowUps = await followUpsOf(a);
    expect(aFollowUps.map((f) => f.weeks)).toEqual([1, 2, 4, 8, 12, 26]);
    for (const [weeks, assessedOn] of [
      [1, '2026-01-15'],
      [2, '2026-01-22'],
    ] as const) {
      const followUp = aFollowUps.find((f) => f.weeks === weeks)!;
      const recorded = await prescriber.post(`/api/follow-ups/${followUp.id}/outcome`, {
        assessedOn,
        method: 'phone',
        painNow: 4,
        painWorstWeek: 5,
        pgic: 2,
        benefitOngoing: true,
        adverseEffectsGrade: 'none',
      });
      expect(recorded.status).toBe(201);
    }
    // B is lost to follow-up: every follow-up not done is cancelled by it.
    const lost = await prescriber.post(`/api/admissions/${b.id}/lost-to-follow-up`, {
      kind: 'lost',
      on: '2026-04-01',
      reason: 'No answer to three calls and a letter',
    });
    expect(lost.status).toBe(201);
    return { a, b, c, d };
  }

  it('reproduces the hand-computed figures of a small cohort', async () => {
    const ward = aWard();
    await aServiceCohort(ward);
    const body = await report(ward);

    expect(body.admissions).toEqual({ total: 4, discharged: 3, infused: 2 });
    expect(body.admissionsPerMonth).toEqual([
      { month: '2026-01', admissions: 1 },
      { month: '2026-02', admissions: 0 },
      { month: '2026-03', admissions: 3 },
    ]);
    // Stays of 1, 3 and 5.5 days: quartiles (type 7) 2, 3 and 4.25.
    expect(body.lengthOfStay).toEqual({ n: 3, median: 3, q1: 2, q3: 4.25, min: 1, max: 5.5 });

    expect(body.pauses).toMatchObject({ pauses: 3, admissionsPaused: 2, infused: 2 });
    expect(body.pauses.proportionPaused).toEqual({ count: 2, ...wilsonInterval(2, 2) });
    expect(body.pauses.reasons).toHaveLength(2);
    expect(body.pauses.reasons[0]).toMatchObject({ pauses: 2, admissions: 2 });
    expect(body.pauses.reasons[0].reason).toMatch(/^over-sedation \(poss 3\)$/i);
    expect(body.pauses.reasons[1]).toEqual({ reason: 'Line problem', pauses: 1, admissions: 1 });

    const effect = (key: string) =>
      body.sideEffects.find((row: { sideEffect: string }) => row.sideEffect === key);
    expect(body.sideEffects).toHaveLength(11);
    // A: worst nausea severe; B: none. C and D: no set graded nausea.
    expect(effect('nausea')).toEqual({
      sideEffect: 'nausea',
      label: 'Nausea',
      none: 1,
      mild: 0,
      moderate: 0,
      severe: 1,
      notAssessed: 2,
    });
    expect(effect('hallucinations')).toMatchObject({ none: 0, moderate: 1, notAssessed: 3 });
    expect(effect('vividDreams')).toMatchObject({ none: 1, mild: 1, severe: 0, notAssessed: 2 });
    // Only the set entered in error graded dizziness: nobody was assessed for it.
    expect(effect('dizziness')).toMatchObject({ none: 0, mild: 0, moderate: 0, severe: 0, notAssessed: 4 });

    const sedation = Object.fromEntries(
      body.highestSedation.map((row: { level: string; admissions: number }) => [row.level, row.admissions]),
    );
    expect(sedation).toEqual({ S: 1, '1': 0, '2': 0, '3': 1, '4': 0, 'not-recorded': 2 });

    // Nine complete sets (A 7, B 1, D 1); A's three of 5+ make two episodes.
    expect(body.news2).toEqual({ completeSets: 9, setsFiveOrMore: 3, episodes: 2, admissions: 1 });
    // A checked the pump six times (not while paused), B once; one discrepancy.
    expect(body.pumpChecks).toMatchObject({ checks: 7, discrepancies: 1, admissionsWithDiscrepancy: 1 });
    expect(body.pumpChecks.proportion).toEqual({ count: 1, ...wilsonInterval(1, 7) });
    // A: 5 of 7 on time; B: 1 of 1; D's set came before any start, when nothing was due.
    expect(body.observationsOnTime).toMatchObject({ sets: 9, assessed: 8, onTime: 6 });
    expect(body.observationsOnTime.proportion).toEqual({ count: 6, ...wilsonInterval(6, 8) });

    // A and B each have six scheduled follow-ups (C's infusion never ran): A 2 done and 4 missed, B 6 lost.
    expect(body.followUps).toMatchObject({
      discharged: 3,
      scheduled: 12,
      done: 2,
      missed: 4,
      lost: 6,
      cancelled: 0,
      notDue: 0,
      due: 12,
      lostToFollowUp: 1,
      died: 0,
      withdrew: 0,
      readmitted: 0,
    });
    expect(body.followUps.completion).toEqual({ count: 2, ...wilsonInterval(2, 12) });
    expect(body.followUps.missedRate).toEqual({ count: 4, ...wilsonInterval(4, 12) });
    expect(body.followUps.lostRate).toEqual({ count: 6, ...wilsonInterval(6, 12) });
    expect(body.followUps.lossRate).toEqual({ count: 1, ...wilsonInterval(1, 3) });
    expect(body.definitions.sideEffects).toMatch(/never counts as none/);
  });

  it('narrows the cohort by the admission and the discharge periods', async () => {
    const ward = aWard();
    await aServiceCohort(ward);

    const march = await report(ward, '&admittedFrom=2026-03-01&admittedTo=2026-03-31');
    expect(march.admissions).toEqual({ total: 3, discharged: 2, infused: 1 });
    expect(march.admissionsPerMonth).toEqual([{ month: '2026-03', admissions: 3 }]);
    expect(march.lengthOfStay).toEqual({ n: 2, median: 3.25, q1: 2.125, q3: 4.375, min: 1, max: 5.5 });
    expect(march.pauses).toMatchObject({ pauses: 2, admissionsPaused: 1 });

    // Discharged in January: only A (a discharge period leaves out the admission still open).
    const january = await report(ward, '&dischargedFrom=2026-01-01&dischargedTo=2026-01-31');
    expect(january.admissions).toEqual({ total: 1, discharged: 1, infused: 1 });
    expect(january.observationsOnTime).toMatchObject({ sets: 7, assessed: 7, onTime: 5 });
    expect(january.followUps).toMatchObject({ discharged: 1, scheduled: 6, done: 2, missed: 4, lost: 0 });
  });

  it('answers an empty cohort with zeros and no figures, not an error', async () => {
    const body = await report(aWard());
    expect(body.admissions).toEqual({ total: 0, discharged: 0, infused: 0 });
    expect(body.admissionsPerMonth).toEqual([]);
    expect(body.lengthOfStay).toEqual({ n: 0, median: null, q1: null, q3: null, min: null, max: null });
    expect(body.pauses.reasons).toEqual([]);
    expect(body.observationsOnTime.proportion).toEqual({
      count: 0,
      estimate: null,
      lower: null,
      upper: null,
    });
    expect(
      body.highestSedation.find((row: { level: string }) => row.level === 'not-recorded').admissions,
    ).toBe(0);
    expect(body.followUps.completion.estimate).toBeNull();
  });

  it.each([
    ['admittedFrom=2026-02-30x', 'admittedFrom'],
    ['admittedFrom=2026-05-02&admittedTo=2026-05-01', 'admittedTo'],
    ['dischargedFrom=2026-05-02&dischargedTo=2026-05-01', 'dischargedTo'],
    ['indication=headache', 'indication'],
    ['groupBy=ward', 'groupBy'],
  ])('refuses %s with a problem naming the field', async (query, field) => {
    const response = await auditor.get(`/api/reports/service?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  describe('the tables as CSV (GET /api/exports/service-report.csv)', () => {
    it('writes a table as the report shows it, audited, with a formula in a pause reason neutralised', async () => {
      const ward = aWard();
      await aServiceCohort(ward);
      const stay = await Stay.admit(prescriber, ward, '2026-04-02T02:00:00.000Z');
      await stay.order('2026-04-02T02:30:00.000Z');
      await stay.event('start', '2026-04-02T03:00:00.000Z');
      await stay.event('pause', '2026-04-02T04:00:00.000Z', '=HYPERLINK("http://x.example","click")');

      const response = await auditor.get(
        `/api/exports/service-report.csv?table=pauses&ward=${encodeURIComponent(ward)}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toContain('service-report-pauses.csv');
      const lines = response.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('reason,pauses,admissions');
      expect(lines).toContain('Line problem,1,1');
      expect(lines).toContain(`"'=HYPERLINK(""http://x.example"",""click"")",1,1`);
      expect(lines).toHaveLength(4);

      const months = await auditor.get(
        `/api/exports/service-report.csv?table=admissions-per-month&ward=${encodeURIComponent(ward)}`,
      );
      expect(months.text).toBe('month,admissions\r\n2026-01,1\r\n2026-02,0\r\n2026-03,3\r\n2026-04,1\r\n');

      const audited = await testApp.app
        .get(DataSource)
        .query(
          `SELECT change ->> 'table' AS "table" FROM audit_events WHERE action = 'report.service-table-exported' AND change -> 'filter' ->> 'ward' = $1 ORDER BY id`,
          [ward],
        );
      expect(audited.map((row: { table: string }) => row.table)).toEqual(['pauses', 'admissions-per-month']);
    });

    it('writes the outcome tables too, and refuses a table that does not exist', async () => {
      const ward = aWard();
      const risk = await auditor.get(
        `/api/exports/outcome-report.csv?table=risk-table&ward=${encodeURIComponent(ward)}`,
      );
      expect(risk.status).toBe(200);
      expect(risk.text.split('\r\n')[0]).toBe('group,day,at_risk,censored_so_far,events_so_far');
      for (const [path, table] of [
        ['outcome-report.csv', 'names'],
        ['service-report.csv', 'patients'],
        ['service-report.csv', ''],
      ]) {
        const refused = await auditor.get(`/api/exports/${path}?table=${table}`);
        expect(refused.status).toBe(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('table');
      }
    });
  });
});
