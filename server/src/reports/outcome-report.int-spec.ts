import { DataSource } from 'typeorm';
import { logRank, wilsonInterval } from '@infusion-tracker/clinical';
import { ApiClient, aUser } from '../testing/api-client.js';
import { addDays, daysFromToday, OutcomeCohorts } from '../testing/outcome-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('GET /api/reports/outcomes', () => {
  let testApp: TestApp;
  let auditor: ApiClient;
  let prescriber: ApiClient;
  let cohorts: OutcomeCohorts;
  let counter = 0;
  // Far enough back that every follow-up below is in the past; Sydney's calendar (ward time zone).
  const origin = daysFromToday(-200);

  beforeAll(async () => {
    testApp = await bootTestApp({ WARD_TIME_ZONE: 'Australia/Sydney' });
    const prescriberUser = await aUser(testApp, ['prescriber']);
    prescriber = await ApiClient.signedIn(testApp, prescriberUser.username);
    auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
    cohorts = new OutcomeCohorts(testApp, prescriber, prescriberUser.id);
  });
  afterAll(() => testApp.close());

  const aWard = () => {
    counter += 1;
    return `Report ward ${counter}`;
  };

  async function report(ward: string, query = '') {
    const response = await auditor.get(`/api/reports/outcomes?ward=${encodeURIComponent(ward)}${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /**
   * Five responders (baseline 8), stopped and discharged on day 0, one non-responder and one discharged
   * without an infusion (no pain at discharge). By hand, in days from the stop:
   *   A ended 10, C ended 10, E ongoing at its day-10 follow-up (censored 10, tied with the events),
   *   D ongoing at 14 then ended 20, B ongoing at 7 and 28 (censored 28; 37.5 % better at discharge).
   */
  async function aMixedCohort(ward: string) {
    const admittedOn = addDays(origin, -4);
    const discharge = (painAtDischarge: number | null, started = true) =>
      cohorts.discharged({ ward, admittedOn, dischargedOn: origin, painAtDischarge, started });
    const a = await discharge(4);
    await cohorts.outcome(a, 2, {
      assessedOn: addDays(origin, 14),
      painNow: 7,
      benefitEndedOn: addDays(origin, 10),
    });
    const b = await discharge(5);
    await cohorts.outcome(b, 1, { assessedOn: addDays(origin, 7), painNow: 4 });
    await cohorts.outcome(b, 4, { assessedOn: addDays(origin, 28), painNow: 3 });
    const c = await discharge(3);
    await cohorts.outcome(c, 2, {
      assessedOn: addDays(origin, 15),
      painNow: 8,
      benefitEndedOn: addDays(origin, 10),
    });
    const d = await discharge(2);
    await cohorts.outcome(d, 2, { assessedOn: addDays(origin, 14), painNow: 2 });
    await cohorts.outcome(d, 4, {
      assessedOn: addDays(origin, 27),
      painNow: 6,
      benefitEndedOn: addDays(origin, 20),
    });
    const e = await discharge(4);
    await cohorts.outcome(e, 1, { assessedOn: addDays(origin, 10), painNow: 4 });
    await discharge(7); // non-responder: 12.5 % better
    await discharge(null, false); // never infused, no pain at discharge: response unknown
  }

  it('reproduces the hand-computed curve: ties of events and a censoring, Greenwood errors, log intervals, median', async () => {
    const ward = aWard();
    await aMixedCohort(ward);
    const body = await report(ward);

    expect(body.cohort).toEqual({
      discharged: 7,
      responders: 5,
      nonResponders: 1,
      responseUnknown: 1,
      onCurve: 5,
      events: 3,
      censored: 2,
      lostToFollowUp: 0,
      died: 0,
      withdrew: 0,
      readmitted: 0,
    });
    const { steps, median, survivalAt } = body.overall;
    expect(steps.map((s: { time: number }) => s.time)).toEqual([10, 20, 28]);
    // Day 10: 5 at risk, 2 events (the censoring at 10 was still at risk): S = 3/5.
    expect(steps[0]).toMatchObject({ atRisk: 5, events: 2, censored: 1 });
    expect(steps[0].survival).toBeCloseTo(0.6, 12);
    // Greenwood: 0.6 · √(2 / (5 · 3)); log interval 0.6 · exp(∓1.96 · √(2/15)), the upper capped at 1.
    expect(steps[0].stdErr).toBeCloseTo(0.6 * Math.sqrt(2 / 15), 12);
    expect(steps[0].lower).toBeCloseTo(0.6 * Math.exp(-1.959963984540054 * Math.sqrt(2 / 15)), 12);
    expect(steps[0].upper).toBe(1);
    // Day 20: 2 at risk (D and B), 1 event: S = 0.3, var(log S) = 2/15 + 1/2.
    expect(steps[1]).toMatchObject({ atRisk: 2, events: 1, censored: 0 });
    expect(steps[1].survival).toBeCloseTo(0.3, 12);
    expect(steps[1].stdErr).toBeCloseTo(0.3 * Math.sqrt(2 / 15 + 1 / 2), 12);
    expect(steps[2]).toMatchObject({ time: 28, atRisk: 1, events: 0, censored: 1 });
    expect(steps[2].survival).toBeCloseTo(0.3, 12);
    // Median: first at or below one half on day 20; the lower curve is below one half from day 10, the
    // upper never gets there.
    expect(median).toEqual({ estimate: 20, lower: 10, upper: null });
    expect(survivalAt[0]).toMatchObject({ weeks: 4, days: 28, atRisk: 1 });
    expect(survivalAt[0].survival).toBeCloseTo(0.3, 12);
    expect(survivalAt[1]).toEqual({
      weeks: 8,
      days: 56,
      survival: null,
      lower: null,
      upper: null,
      atRisk: 0,
    });
    expect(body.overall).toMatchObject({ n: 5, events: 3, followUpDays: 28 });
    expect(body.groups).toEqual([]);
    expect(body.logRank).toBeNull();
  });

  it('puts non-responders on the curve at day 0 in the sensitivity view, where the median falls on a flat at one half', async () => {
    const ward = aWard();
    await aMixedCohort(ward);
    const body = await report(ward, '&nonResponders=event-at-zero');
    const { steps, median } = body.overall;
    expect(steps[0]).toMatchObject({ time: 0, atRisk: 6, events: 1 });
    expect(steps[0].survival).toBeCloseTo(5 / 6, 12);
    // 5/6 · 3/5 = exactly one half from day 10 to day 20: survfit's median is the midpoint, 15.
    expect(steps[1].survival).toBeCloseTo(0.5, 12);
    expect(median.estimate).toBe(15);
    expect(body.cohort).toMatchObject({ onCurve: 6, events: 4, censored: 2, nonResponders: 1 });
    expect(body.definitions.nonResponders).toBe('event-at-zero');
  });

  it('applies the 50 % threshold: a 37.5 % improvement is no longer a responder', async () => {
    const ward = aWard();
    await aMixedCohort(ward);
    const body = await report(ward, '&threshold=50');
    expect(body.cohort).toMatchObject({
      responders: 4,
      nonResponders: 2,
      onCurve: 4,
      events: 3,
      censored: 1,
    });
    // Day 10: 4 at risk, 2 events → 0.5; day 20: 1 at risk, 1 event → 0.
    expect(body.overall.steps.map((s: { survival: number }) => s.survival)).toEqual([0.5, 0]);
    expect(body.overall.median.estimate).toBe(15);
    expect(body.definitions.responderThreshold).toBe(50);
  });

  it("counts from the local day of the stop event in the ward's time zone, or from discharge when there is none", async () => {
    const ward = aWard();
    // Stopped at 14:30 UTC, already the next day in Sydney, and discharged that next day.
    const stoppedLate = await cohorts.discharged({
      ward,
      admittedOn: addDays(origin, -5),
      stoppedAt: `${addDays(origin, -1)}T14:30:00.000Z`,
      dischargedOn: origin,
      painAtDischarge: 2,
    });
    await cohorts.outcome(stoppedLate, 1, {
      assessedOn: addDays(origin, 7),
      painNow: 6,
      benefitEndedOn: addDays(origin, 5),
    });
    // Stopped two days before discharge: the origin is the stop day.
    const stoppedEarly = await cohorts.discharged({
      ward,
      admittedOn: addDays(origin, -6),
      stoppedAt: `${addDays(origin, -2)}T03:00:00.000Z`,
      dischargedOn: origin,
      painAtDischarge: 2,
    });
    await cohorts.outcome(stoppedEarly, 1, {
      assessedOn: addDays(origin, 7),
      painNow: 6,
      benefitEndedOn: addDays(origin, 4),
    });
    // Never infused, yet pain recorded at discharge: the origin is the discharge day; censored at 14.
    const neverStarted = await cohorts.discharged({
      ward,
      admittedOn: addDays(origin, -3),
      dischargedOn: origin,
      painAtDischarge: 3,
      started: false,
    });
    await cohorts.outcome(neverStarted, 2, { assessedOn: addDays(origin, 14), painNow: 3 });

    const { steps } = (await report(ward)).overall;
    expect(
      steps.map((s: { time: number; events: number; censored: number }) => [s.time, s.events, s.censored]),
    ).toEqual([
      [5, 1, 0],
      [6, 1, 0],
      [14, 0, 1],
    ]);
  });

  it('censors at the last day benefit was known when the patient is lost, or readmitted, and ignores what came after', async () => {
    const ward = aWard();
    const admittedOn = addDays(origin, -4);
    const lost = await cohorts.discharged({ ward, admittedOn, dischargedOn: origin, painAtDischarge: 3 });
    await cohorts.outcome(lost, 1, { assessedOn: addDays(origin, 7), painNow: 3 });
    const week2 = await cohorts.followUp(lost, 2);
    await cohorts.terminal(lost, 'lost', addDays(origin, 20), [week2]);

    const readmitted = await cohorts.discharged({
      ward,
      admittedOn,
      dischargedOn: origin,
      painAtDischarge: 3,
    });
    await cohorts.outcome(readmitted, 1, { assessedOn: addDays(origin, 9), painNow: 3 });
    // Admitted again on day 20 (still in hospital, so not in the cohort); a later outcome on the first
    // admission reporting an end of benefit belongs to the new infusion's story, not this one's.
    await cohorts.discharged({
      ward: `${ward} (readmission)`,
      admittedOn: addDays(origin, 20),
      dischargedOn: addDays(origin, 25),
      painAtDischarge: 2,
      patientId: readmitted.patientId,
    });
    await cohorts.outcome(readmitted, 4, {
      assessedOn: addDays(origin, 28),
      painNow: 8,
      benefitEndedOn: addDays(origin, 26),
    });

    const died = await cohorts.discharged({ ward, admittedOn, dischargedOn: origin, painAtDischarge: 3 });
    await cohorts.terminal(died, 'died', addDays(origin, 3));

    const body = await report(ward);
    expect(body.cohort).toMatchObject({
      discharged: 3,
      onCurve: 3,
      events: 0,
      censored: 3,
      lostToFollowUp: 1,
      died: 1,
      readmitted: 1,
    });
    expect(body.overall.steps.map((s: { time: number; censored: number }) => [s.time, s.censored])).toEqual([
      [0, 1],
      [7, 1],
      [9, 1],
    ]);
    expect(body.overall.median).toEqual({ estimate: null, lower: null, upper: null });
  });

  it('answers an empty cohort with zero counts, an empty curve and no test, not an error', async () => {
    const body = await report(aWard(), '&groupBy=indication');
    expect(body.cohort).toMatchObject({ discharged: 0, responders: 0, onCurve: 0, events: 0 });
    expect(body.overall).toMatchObject({ n: 0, events: 0, followUpDays: null, steps: [] });
    expect(body.overall.median).toEqual({ estimate: null, lower: null, upper: null });
    expect(
      body.overall.survivalAt.every(
        (at: { survival: null; atRisk: number }) => at.survival === null && at.atRisk === 0,
      ),
    ).toBe(true);
    expect(body.groups).toEqual([]);
    expect(body.logRank).toBeNull();
    expect(body.responderRates).toEqual([]);
  });

  it('shows a one-patient cohort: the curve drops to 0 on the day benefit ended, with no interval', async () => {
    const ward = aWard();
    const only = await cohorts.discharged({
      ward,
      admittedOn: addDays(origin, -4),
      dischargedOn: origin,
      painAtDischarge: 1,
    });
    await cohorts.outcome(only, 2, {
      assessedOn: addDays(origin, 14),
      painNow: 7,
      benefitEndedOn: addDays(origin, 12),
    });
    const body = await report(ward);
    expect(body.overall.steps).toEqual([
      { time: 12, atRisk: 1, events: 1, censored: 0, survival: 0, stdErr: null, lower: null, upper: null },
    ]);
    expect(body.overall.median).toEqual({ estimate: 12, lower: null, upper: null });
    expect(body.overall.survivalAt[0]).toEqual({
      weeks: 4,
      days: 28,
      survival: 0,
      lower: null,
      upper: null,
      atRisk: 0,
    });
  });

  it('says the median is not reached while most are still benefiting', async () => {
    const ward = aWard();
    for (let i = 0; i < 3; i += 1) {
      const admission = await cohorts.discharged({
        ward,
        admittedOn: addDays(origin, -4),
        dischargedOn: origin,
        painAtDischarge: 2,
      });
      await cohorts.outcome(admission, 4, { assessedOn: addDays(origin, 28 + i), painNow: 2 });
    }
    const ended = await cohorts.discharged({
      ward,
      admittedOn: addDays(origin, -4),
      dischargedOn: origin,
      painAtDischarge: 2,
    });
    await cohorts.outcome(ended, 2, {
      assessedOn: addDays(origin, 14),
      painNow: 7,
      benefitEndedOn: addDays(origin, 13),
    });
    const body = await report(ward);
    expect(body.overall.steps[0]).toMatchObject({ time: 13, survival: 0.75 });
    // The lower limit is reached, 0.75 · exp(−1.96 · √(1/12)) = 0.426, on day 13; estimate and upper are not.
    expect(body.overall.median).toEqual({ estimate: null, lower: 13, upper: null });
    expect(body.overall.survivalAt[0].survival).toBe(0.75);
  });

  it('compares groups with overlaid curves and the log-rank test of survdiff', async () => {
    const ward = aWard();
    const admittedOn = addDays(origin, -4);
    // CRPS: ended 7, 14, 21. Post-herpetic neuralgia: ended 28, ongoing at 35 and 42.
    const plan: [string, number, boolean][] = [
      ['crps', 7, true],
      ['crps', 14, true],
      ['crps', 21, true],
      ['post-herpetic-neuralgia', 28, true],
      ['post-herpetic-neuralgia', 35, false],
      ['post-herpetic-neuralgia', 42, false],
    ];
    for (const [indication, day, ended] of plan) {
      const admission = await cohorts.discharged({
        ward,
        admittedOn,
        dischargedOn: origin,
        painAtDischarge: 2,
        indication,
      });
      await cohorts.outcome(admission, 8, {
        assessedOn: addDays(origin, day + (ended ? 1 : 0)),
        painNow: ended ? 8 : 2,
        ...(ended ? { benefitEndedOn: addDays(origin, day) } : {}),
      });
    }
    const body = await report(ward, '&groupBy=indication');
    expect(
      body.groups.map((g: { key: string; label: string; n: number; discharged: number }) => [
        g.key,
        g.label,
        g.n,
        g.discharged,
      ]),
    ).toEqual([
      ['crps', 'CRPS (complex regional pain syndrome)', 3, 3],
      ['post-herpetic-neuralgia', 'Post-herpetic neuralgia', 3, 3],
    ]);
    expect(body.groups[0].median.estimate).toBe(14);
    expect(body.groups[1].median.estimate).toBeNull();
    const expected = logRank([
      [7, 14, 21].map((time) => ({ time, event: true })),
      [
        { time: 28, event: true },
        { time: 35, event: false },
        { time: 42, event: false },
      ],
    ]);
    expect(body.logRank.df).toBe(1);
    expect(body.logRank.chiSquare).toBeCloseTo(expected!.chiSquare, 12);
    expect(body.logRank.p).toBeCloseTo(expected!.p, 12);
    // Only one indication in the filtered cohort: one group, no test.
    const one = await report(ward, '&groupBy=indication&indication=crps');
    expect(one.groups).toHaveLength(1);
    expect(one.logRank).toBeNull();
  });

  it('gives responder rates per follow-up week over every discharged admission, with done, missed, lost, not due and not scheduled', async () => {
    const ward = aWard();
    // Discharged 12 days ago: week 1's window (days 4-10) has closed, week 2's (11-17) has not.
    const dischargedOn = daysFromToday(-12);
    const admittedOn = addDays(dischargedOn, -4);
    const discharge = () => cohorts.discharged({ ward, admittedOn, dischargedOn, painAtDischarge: 3 });
    const improving = await discharge();
    await cohorts.outcome(improving, 1, { assessedOn: addDays(dischargedOn, 7), painNow: 2 }); // 75 % better
    await cohorts.outcome(improving, 2, { assessedOn: addDays(dischargedOn, 11), painNow: 5 }); // 37.5 %
    const worse = await discharge();
    await cohorts.outcome(worse, 1, { assessedOn: addDays(dischargedOn, 7), painNow: 7 });
    await cohorts.followUp(worse, 2, { settled: 'missed' });
    const lost = await discharge();
    const lostWeeks = [await cohorts.followUp(lost, 1), await cohorts.followUp(lost, 2)];
    await cohorts.terminal(lost, 'lost', addDays(dischargedOn, 2), lostWeeks);
    const silent = await discharge();
    await cohorts.followUp(silent, 1);
    await cohorts.followUp(silent, 2);
    await discharge(); // no follow-up scheduled at all

    const rates = (await report(ward)).responderRates;
    expect(
      rates.map(({ responders30: _a, responders50: _b, ...counts }: Record<string, unknown>) => counts),
    ).toEqual([
      { week: 1, discharged: 5, done: 2, missed: 1, lost: 1, notDue: 0, cancelled: 0, notScheduled: 1 },
      { week: 2, discharged: 5, done: 1, missed: 1, lost: 1, notDue: 1, cancelled: 0, notScheduled: 1 },
    ]);
    expect(rates[0].responders30).toEqual({ count: 1, ...wilsonInterval(1, 5) });
    expect(rates[0].responders50).toEqual({ count: 1, ...wilsonInterval(1, 5) });
    expect(rates[1].responders30).toEqual({ count: 1, ...wilsonInterval(1, 5) });
    expect(rates[1].responders50).toEqual({
      count: 0,
      estimate: 0,
      lower: 0,
      upper: wilsonInterval(0, 5).upper,
    });
  });

  it('filters the cohort by discharge day in the ward calendar, inclusive', async () => {
    const ward = aWard();
    for (const offset of [0, 1, 2]) {
      await cohorts.discharged({
        ward,
        admittedOn: addDays(origin, -4),
        dischargedOn: addDays(origin, offset),
        painAtDischarge: 2,
      });
    }
    const body = await report(
      ward,
      `&dischargedFrom=${addDays(origin, 1)}&dischargedTo=${addDays(origin, 2)}`,
    );
    expect(body.cohort.discharged).toBe(2);
  });

  it('states its definitions on the report', async () => {
    const { definitions } = await report(aWard());
    expect(definitions).toMatchObject({
      wardTimeZone: 'Australia/Sydney',
      timeUnit: 'days',
      responderThreshold: 30,
      nonResponders: 'exclude',
    });
    expect(definitions.intervalCensoring).toMatch(/interval-censored/);
    expect(definitions.averageNotShown).toMatch(/biased/);
  });

  it.each([
    ['threshold=40', 'threshold'],
    ['nonResponders=drop', 'nonResponders'],
    ['groupBy=bed', 'groupBy'],
    ['dischargedFrom=2026-13-01', 'dischargedFrom'],
    ['dischargedFrom=2026-05-02&dischargedTo=2026-05-01', 'dischargedTo'],
    ['patientName=x', 'patientName'],
  ])('refuses %s with a problem naming the field', async (query, field) => {
    const response = await auditor.get(`/api/reports/outcomes?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  describe('the analysis data set (GET /api/exports/outcome-analysis.csv)', () => {
    async function exportCsv(ward: string, query = '') {
      const response = await auditor.get(
        `/api/exports/outcome-analysis.csv?ward=${encodeURIComponent(ward)}${query}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const [header, ...rows] = response.text.trimEnd().split('\r\n');
      return { text: response.text, header: header.split(','), rows: rows.map((row) => row.split(',')) };
    }

    it('has one de-identified row per discharged admission, with days instead of dates, its follow-ups and its place on the curve', async () => {
      const ward = aWard();
      const admittedOn = addDays(origin, -4);
      const ended = await cohorts.discharged({ ward, admittedOn, dischargedOn: origin, painAtDischarge: 4 });
      await cohorts.outcome(ended, 1, { assessedOn: addDays(origin, 7), painNow: 4 });
      await cohorts.outcome(ended, 2, {
        assessedOn: addDays(origin, 14),
        painNow: 7,
        benefitEndedOn: addDays(origin, 11),
      });
      await cohorts.discharged({ ward, admittedOn, dischargedOn: addDays(origin, 1), painAtDischarge: 7 });

      const { text, header, rows } = await exportCsv(ward);
      expect(rows).toHaveLength(2);
      const record = (row: string[]) => Object.fromEntries(header.map((column, i) => [column, row[i]]));
      expect(record(rows[0])).toEqual({
        study_id: expect.stringMatching(/^S-[0-9A-F]{12}$/),
        ward,
        indication: 'crps',
        drug: 'ketamine',
        baseline_pain: '8',
        pain_at_discharge: '4',
        response_at_discharge: 'responder',
        days_admission_to_infusion_start: '0',
        days_admission_to_infusion_stop: '4',
        days_admission_to_discharge: '4',
        time_origin: 'infusion-stop',
        days_admission_to_benefit_end: '15',
        week_1_status: 'done',
        week_1_pain: '4',
        week_1_benefit_ongoing: 'yes',
        week_1_days_from_admission: '11',
        week_2_status: 'done',
        week_2_pain: '7',
        week_2_benefit_ongoing: 'no',
        week_2_days_from_admission: '18',
        on_curve: 'yes',
        time_days: '11',
        event: '1',
        event_or_censoring: 'benefit-ended',
      });
      expect(record(rows[1])).toMatchObject({
        response_at_discharge: 'non-responder',
        week_1_status: 'not-scheduled',
        on_curve: 'no',
        time_days: '',
        event: '',
        event_or_censoring: 'non-responder',
      });
      // No calendar date, MRN, name or date of birth anywhere.
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toMatch(/Nguyen|Thi Mai|1975|T\d+-\d+/);
    });

    it('keeps study ids stable across exports and audits every export', async () => {
      const ward = aWard();
      for (let i = 0; i < 2; i += 1) {
        await cohorts.discharged({
          ward,
          admittedOn: addDays(origin, -4),
          dischargedOn: origin,
          painAtDischarge: 3,
        });
      }
      const database = testApp.app.get(DataSource);
      const exportsBefore = await database.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.outcome-analysis-exported' AND change -> 'filter' ->> 'ward' = $1`,
        [ward],
      );
      const first = (await exportCsv(ward)).rows.map((row) => row[0]);
      const second = (await exportCsv(ward, '&threshold=50')).rows.map((row) => row[0]);
      expect(new Set(first).size).toBe(2);
      expect(second).toEqual(first);
      const exportsAfter = await database.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.outcome-analysis-exported' AND change -> 'filter' ->> 'ward' = $1`,
        [ward],
      );
      expect(exportsAfter[0].n - exportsBefore[0].n).toBe(2);
    });

    it('neutralises a cell a spreadsheet would run as a formula', async () => {
      counter += 1;
      const ward = `=HYPERLINK("http://x") ${counter}`;
      await cohorts.discharged({
        ward,
        admittedOn: addDays(origin, -4),
        dischargedOn: origin,
        painAtDischarge: 3,
      });
      const { text } = await exportCsv(ward);
      expect(text).toContain(`"'=HYPERLINK(""http://x"") ${counter}"`);
    });

    it('answers an empty cohort with the header only', async () => {
      const { header, rows } = await exportCsv(aWard());
      expect(header[0]).toBe('study_id');
      expect(rows).toEqual([]);
    });

    it('refuses a nurse', async () => {
      const nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
      expect((await nurse.get('/api/exports/outcome-analysis.csv')).status).toBe(403);
    });
  });

  it('is for auditors, prescribers and admins, not nurses', async () => {
    const nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
    expect((await nurse.get('/api/reports/outcomes')).status).toBe(403);
    const admin = await ApiClient.signedIn(testApp, (await aUser(testApp, ['admin'])).username);
    expect((await admin.get('/api/reports/outcomes')).status).toBe(200);
  });

  describe('the admissions behind a number (GET /api/reports/outcomes/admissions)', () => {
    async function behind(client: ApiClient, ward: string, query: string) {
      const response = await client.get(
        `/api/reports/outcomes/admissions?ward=${encodeURIComponent(ward)}&${query}`,
      );
      expect(response.status).toBe(200);
      return response.body;
    }

    it('lists the admissions each number counts, by the rules that counted them', async () => {
      const ward = aWard();
      await aMixedCohort(ward);
      const count = async (cell: string, extra = '') =>
        (await behind(auditor, ward, `cell=${cell}${extra}`)).count;
      expect(await count('discharged')).toBe(7);
      expect(await count('responders')).toBe(5);
      expect(await count('non-responders')).toBe(1);
      expect(await count('response-unknown')).toBe(1);
      expect(await count('events')).toBe(3);
      expect(await count('censored')).toBe(2);
      // The risk table: D (ended 20) and B (censored 28) still at risk on day 14; A and C ended by day
      // 10, E censored on day 10.
      expect(await count('at-risk-14')).toBe(2);
      expect(await count('events-by-10')).toBe(2);
      expect(await count('censored-by-10')).toBe(1);
      // Week 1: B and E answered with pain 4 of baseline 8 (50 % better); nobody else has a week 1.
      expect(await count('week-1-done')).toBe(2);
      expect(await count('week-1-responders50')).toBe(2);
      expect(await count('week-1-not-scheduled')).toBe(5);
      // The sensitivity view puts the non-responder on the curve as an event.
      expect(await count('events', '&nonResponders=event-at-zero')).toBe(4);
    });

    it('hides names and MRNs from auditors, shows them to prescribers, and audits the read', async () => {
      const ward = aWard();
      await aMixedCohort(ward);
      const hidden = await behind(auditor, ward, 'cell=events');
      expect(hidden).toMatchObject({ cell: 'events', count: 3, identified: false, truncated: false });
      expect(hidden.items).toHaveLength(3);
      for (const item of hidden.items) {
        expect(item.patient).toBeNull();
        expect(item.studyId).toMatch(/^S-[0-9A-F]{12}$/);
        expect(item).toMatchObject({ ward, indication: 'crps', drug: 'ketamine' });
      }
      expect(JSON.stringify(hidden)).not.toMatch(/Nguyen|NGUYEN|Thi Mai/);

      const shown = await behind(prescriber, ward, 'cell=events');
      expect(shown.identified).toBe(true);
      expect(shown.items.map((item: { admissionId: string }) => item.admissionId)).toEqual(
        hidden.items.map((item: { admissionId: string }) => item.admissionId),
      );
      expect(shown.items[0].patient).toEqual({ mrn: expect.any(String), name: 'NGUYEN, Thi Mai' });

      const audited = await testApp.app.get(DataSource).query(
        `SELECT change ->> 'identified' AS identified, (change ->> 'count')::int AS count FROM audit_events
           WHERE action = 'report.outcome-drill-down-viewed' AND change -> 'filter' ->> 'ward' = $1 ORDER BY id`,
        [ward],
      );
      expect(audited).toEqual([
        { identified: 'false', count: 3 },
        { identified: 'true', count: 3 },
      ]);
    });

    it('narrows to one group and refuses a number the report does not show', async () => {
      const ward = aWard();
      await aMixedCohort(ward);
      expect((await behind(auditor, ward, 'cell=discharged&groupBy=indication&group=crps')).count).toBe(7);
      expect((await behind(auditor, ward, 'cell=discharged&groupBy=indication&group=other')).count).toBe(0);
      for (const cell of ['names', 'week-x-done', 'at-risk-', '']) {
        const refused = await auditor.get(`/api/reports/outcomes/admissions?cell=${cell}`);
        expect(refused.status).toBe(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('cell');
      }
    });
  });
});
