import { DataSource } from 'typeorm';
import { ApiClient, aUser } from '../testing/api-client.js';
import { OutcomeCohorts, addDays, daysFromToday } from '../testing/outcome-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The outcome report gives its last answer again while the generations of its cohort are unchanged
 * (ADR 9): every change it reads must show at once.
 */
describe('the outcome report, answered again only while nothing changed', () => {
  let testApp: TestApp;
  let auditor: ApiClient;
  let recorderId: string;
  let cohorts: OutcomeCohorts;
  let database: DataSource;
  let counter = 0;
  const origin = daysFromToday(-200);

  beforeAll(async () => {
    testApp = await bootTestApp({ WARD_TIME_ZONE: 'Australia/Sydney' });
    const prescriberUser = await aUser(testApp, ['prescriber']);
    recorderId = prescriberUser.id;
    const prescriber = await ApiClient.signedIn(testApp, prescriberUser.username);
    auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
    cohorts = new OutcomeCohorts(testApp, prescriber, prescriberUser.id);
    database = testApp.app.get(DataSource);
  });
  afterAll(() => testApp.close());

  async function report(ward: string) {
    const response = await auditor.get(`/api/reports/outcomes?ward=${encodeURIComponent(ward)}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** One responder whose benefit ended on day 10, reported at the week-2 follow-up. */
  async function anEndedBenefit() {
    counter += 1;
    const ward = `Answers ward ${counter}`;
    const admission = await cohorts.discharged({
      ward,
      admittedOn: addDays(origin, -4),
      dischargedOn: origin,
      painAtDischarge: 3,
    });
    await cohorts.outcome(admission, 1, { assessedOn: addDays(origin, 7), painNow: 3 });
    await cohorts.outcome(admission, 2, {
      assessedOn: addDays(origin, 14),
      painNow: 7,
      benefitEndedOn: addDays(origin, 10),
    });
    return { ward, admission };
  }

  it('counts an outcome entered in error out at once', async () => {
    const { ward, admission } = await anEndedBenefit();
    expect((await report(ward)).cohort).toMatchObject({ events: 1, censored: 0 });

    await database.query(
      `UPDATE follow_up_outcomes SET entered_in_error_at = now(), entered_in_error_by = $2,
         entered_in_error_reason = 'Wrong patient'
       WHERE admission_id = $1 AND NOT benefit_ongoing`,
      [admission.id, recorderId],
    );
    const body = await report(ward);
    expect(body.cohort).toMatchObject({ events: 0, censored: 1 });
    expect(body.overall.steps.map((s: { time: number }) => s.time)).toEqual([7]);
  });

  it('censors an earlier stay at once when the patient is admitted again, before the end was reported', async () => {
    const { ward, admission } = await anEndedBenefit();
    expect((await report(ward)).cohort).toMatchObject({ events: 1, readmitted: 0 });

    // Readmitted on day 12, on another ward: only the patient's other admission changes.
    await cohorts.discharged({
      ward: `${ward} (readmission)`,
      admittedOn: addDays(origin, 12),
      dischargedOn: addDays(origin, 16),
      painAtDischarge: 2,
      patientId: admission.patientId,
    });
    const body = await report(ward);
    expect(body.cohort).toMatchObject({ events: 0, censored: 1, readmitted: 1 });
  });

  it('gives the kept answer while no generation changed: a write that bumps none is not seen', async () => {
    const { ward, admission } = await anEndedBenefit();
    const before = await report(ward);
    // With the trigger off, a correction does not bump the generation: the kept answer is given
    // again, which shows that the answer is kept, and that the triggers are what keep it current.
    await database.transaction(async (manager) => {
      await manager.query(
        'ALTER TABLE follow_up_outcomes DISABLE TRIGGER follow_up_outcomes_outdate_stay_summary',
      );
      await manager.query(
        `UPDATE follow_up_outcomes SET entered_in_error_at = now(), entered_in_error_by = $2,
           entered_in_error_reason = 'Wrong patient'
         WHERE admission_id = $1 AND NOT benefit_ongoing`,
        [admission.id, recorderId],
      );
      await manager.query(
        'ALTER TABLE follow_up_outcomes ENABLE TRIGGER follow_up_outcomes_outdate_stay_summary',
      );
    });
    expect((await report(ward)).cohort).toEqual(before.cohort);

    await database.query(`UPDATE stay_summaries SET generation = generation + 1 WHERE admission_id = $1`, [
      admission.id,
    ]);
    expect((await report(ward)).cohort).toMatchObject({ events: 0, censored: 1 });
  });
});
