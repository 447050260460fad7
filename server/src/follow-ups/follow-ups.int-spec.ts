import { jest } from '@jest/globals';
import pg from 'pg';
import { addDays, calendarDateIn } from '@infusion-tracker/clinical';
import { ApiClient, aUser } from '../testing/api-client.js';
import { ENDED_SESSIONS } from '../testing/ended-sessions.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import {
  aDischargedAdmission,
  anAdmittedPatient,
  anOrder,
  localInstant,
} from '../testing/clinical-factories.js';

const ZONE = 'Australia/Sydney';

describe('follow-ups after discharge', () => {
  let testApp: TestApp;
  let db: pg.Client;
  let prescriber: ApiClient;
  let nurse: ApiClient;
  let nurseId: string;
  let auditor: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp();
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    const nurseUser = await aUser(testApp, ['nurse']);
    nurseId = nurseUser.id;
    nurse = await ApiClient.signedIn(testApp, nurseUser.username);
    auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
    admin = await ApiClient.signedIn(testApp, (await aUser(testApp, ['admin'])).username);
  });

  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  const today = () => calendarDateIn(new Date(), ZONE);
  /** A discharge `days` local days ago at 10:00 local time. */
  const dischargedDaysAgo = (days: number) => localInstant(addDays(today(), -days), '10:00', ZONE);

  async function followUpsOf(admissionId: string, client = nurse) {
    const response = await client.get(`/api/admissions/${admissionId}/follow-ups`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Row counts of every table a follow-up command writes, to show a refusal stored nothing. */
  async function counts() {
    const { rows } = await db.query(`SELECT
      (SELECT count(*)::int FROM follow_ups) AS follow_ups,
      (SELECT count(*)::int FROM follow_up_attempts) AS attempts,
      (SELECT count(*)::int FROM follow_up_outcomes) AS outcomes,
      (SELECT count(*)::int FROM follow_up_outcomes WHERE entered_in_error_at IS NOT NULL) AS in_error,
      (SELECT count(*)::int FROM follow_up_cancellations) AS cancellations,
      (SELECT count(*)::int FROM follow_up_terminal_events) AS terminal_events,
      (SELECT count(*)::int FROM follow_up_schedule_versions) AS schedules,
      (SELECT count(*)::int FROM audit_events) AS audit_events`);
    return rows[0];
  }

  const anOutcome = (overrides: Record<string, unknown> = {}) => ({
    assessedOn: today(),
    method: 'phone',
    painNow: 3,
    painWorstWeek: 5,
    pgic: 2,
    benefitOngoing: true,
    adverseEffectsGrade: 'none',
    ...overrides,
  });

  describe('discharge', () => {
    it('requires pain at discharge once the infusion ran, storing nothing without it', async () => {
      const admission = await anAdmittedPatient(prescriber);
      const versioned = (
        await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, {
          ...anOrder(1),
        })
      ).body.admission;
      const started = (
        await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
          version: versioned.version,
          type: 'start',
        })
      ).body;
      const stopped = (
        await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
          version: started.version,
          type: 'stop',
          reason: 'Done',
        })
      ).body;
      const before = await counts();
      const refused = await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
        version: stopped.version,
        summary: 'Home',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].field).toBe('painAtDischarge');
      const badPgic = await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
        version: stopped.version,
        summary: 'Home',
        painAtDischarge: 3,
        pgicAtDischarge: 8,
      });
      expect(badPgic.status).toBe(400);
      expect(await counts()).toEqual(before);
      const discharged = await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
        version: stopped.version,
        summary: 'Home',
        painAtDischarge: 3,
      });
      expect(discharged.status).toBe(200);
      expect(discharged.body).toMatchObject({ painAtDischarge: 3, pgicAtDischarge: null, pgicWording: null });
    });

    it('creates no follow-ups when the infusion never started', async () => {
      const admission = await anAdmittedPatient(prescriber);
      const discharged = await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
        version: 1,
        summary: 'Declined',
        reason: 'Declined the infusion',
      });
      expect(discharged.status).toBe(200);
      expect((await followUpsOf(admission.id)).items).toEqual([]);
    });

    it('schedules weeks 1, 2, 4, 8, 12, 26 from the local discharge date, 23:30 local counting as that day', async () => {
      const day = addDays(today(), -2);
      const admission = await aDischargedAdmission(prescriber, {
        dischargedAt: localInstant(day, '23:30', ZONE),
        pgicAtDischarge: 2,
      });
      const record = await followUpsOf(admission.id);
      expect(record).toMatchObject({
        admissionId: admission.id,
        baselinePain: 8,
        painAtDischarge: 4,
        pgicAtDischarge: 2,
        dischargedOn: day,
        today: today(),
        terminalEvent: null,
      });
      expect(
        record.items.map((item: Record<string, unknown>) => [
          item.label,
          item.dueOn,
          item.windowStart,
          item.windowEnd,
        ]),
      ).toEqual(
        [
          [1, 3],
          [2, 3],
          [4, 3],
          [8, 7],
          [12, 7],
          [26, 7],
        ].map(([weeks, window]) => [
          `Week ${weeks}`,
          addDays(day, 7 * weeks),
          addDays(day, 7 * weeks - window),
          addDays(day, 7 * weeks + window),
        ]),
      );
      expect(record.items[0]).toMatchObject({
        kind: 'scheduled',
        status: 'upcoming',
        attempts: [],
        failedAttempts: 0,
        failedAttemptLimit: 3,
        outcome: null,
        cancellation: null,
        outcomesEnteredInError: [],
      });
      const audit = await db.query(
        "SELECT change FROM audit_events WHERE admission_id = $1 AND action = 'admission.discharge'",
        [admission.id],
      );
      expect(audit.rows[0].change.after.followUps).toHaveLength(6);
    });
  });

  describe('the schedule', () => {
    it('is the default until an admin changes it, and a change applies only to later discharges', async () => {
      const before = await admin.get('/api/follow-up-schedule');
      expect(before.body).toMatchObject({ version: 1, failedAttemptLimit: 3, changedBy: null });
      const earlier = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(1) });

      const changed = await admin.put('/api/follow-up-schedule', {
        items: [
          { weeks: 2, windowDays: 2 },
          { weeks: 6, windowDays: 5 },
        ],
        failedAttemptLimit: 2,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        version: 2,
        failedAttemptLimit: 2,
        changedBy: { displayName: expect.any(String) },
      });
      expect((await nurse.get('/api/follow-up-schedule')).body.version).toBe(2);

      const later = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(1) });
      expect((await followUpsOf(later.id)).items.map((item: { weeks: number }) => item.weeks)).toEqual([
        2, 6,
      ]);
      expect((await followUpsOf(later.id)).items[0].failedAttemptLimit).toBe(2);
      expect((await followUpsOf(earlier.id)).items.map((item: { weeks: number }) => item.weeks)).toEqual([
        1, 2, 4, 8, 12, 26,
      ]);
      const audit = await db.query(
        "SELECT change FROM audit_events WHERE action = 'follow-up-schedule.changed'",
      );
      expect(audit.rows[0].change.before.version).toBe(1);

      // Back to the default for the other tests.
      await admin.put('/api/follow-up-schedule', {
        items: [1, 2, 4, 8, 12, 26].map((weeks) => ({ weeks, windowDays: weeks <= 4 ? 3 : 7 })),
        failedAttemptLimit: 3,
      });
    });

    it.each([
      [{ items: [], failedAttemptLimit: 3 }, 'items'],
      [
        {
          items: [
            { weeks: 2, windowDays: 3 },
            { weeks: 1, windowDays: 3 },
          ],
          failedAttemptLimit: 3,
        },
        'items',
      ],
      [{ items: [{ weeks: 0, windowDays: 3 }], failedAttemptLimit: 3 }, 'items.0.weeks'],
      [{ items: [{ weeks: 105, windowDays: 3 }], failedAttemptLimit: 3 }, 'items.0.weeks'],
      [{ items: [{ weeks: 1, windowDays: 29 }], failedAttemptLimit: 3 }, 'items.0.windowDays'],
      [{ items: [{ weeks: 1, windowDays: 3 }], failedAttemptLimit: 11 }, 'failedAttemptLimit'],
      [{ items: [{ weeks: 1, windowDays: 3 }] }, 'failedAttemptLimit'],
    ])('refuses the schedule %j, storing nothing', async (body, field) => {
      const before = await counts();
      const response = await admin.put('/api/follow-up-schedule', body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });
  });

  describe('contact attempts', () => {
    it('makes a follow-up missed after three failed attempts; it stays on the worklist while its window is open', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(7) });
      const [week1] = (await followUpsOf(admission.id)).items;
      expect(week1.status).toBe('due');
      let last;
      for (const [index, result] of ['no-answer', 'reached', 'message-left', 'wrong-number'].entries()) {
        last = await nurse.post(`/api/follow-ups/${week1.id}/attempts`, {
          method: 'phone',
          at: new Date(Date.now() - (10 - index) * 60_000).toISOString(),
          result,
          note: index === 0 ? 'Rang twice' : undefined,
        });
        expect(last.status).toBe(201);
      }
      expect(last!.body).toMatchObject({ status: 'missed', failedAttempts: 3 });
      expect(last!.body.attempts.map((attempt: { result: string }) => attempt.result)).toEqual([
        'no-answer',
        'reached',
        'message-left',
        'wrong-number',
      ]);
      expect(last!.body.attempts[0]).toMatchObject({
        note: 'Rang twice',
        recordedBy: { displayName: expect.any(String) },
      });
      const list = (await nurse.get('/api/follow-ups')).body;
      const entry = list.items.find(
        (item: { admission: { id: string } }) => item.admission.id === admission.id,
      );
      expect(entry.section).toBe('missed');
      expect(entry.followUps[0]).toMatchObject({
        status: 'missed',
        attemptCount: 4,
        lastAttemptResult: 'wrong-number',
      });
      // A late answer can still be recorded on a missed follow-up.
      const late = await nurse.post(`/api/follow-ups/${week1.id}/outcome`, anOutcome());
      expect(late.status).toBe(201);
      expect(late.body.status).toBe('done');
    });

    it.each([
      [{ at: 'future' }, 'at'],
      [{ at: 'before discharge' }, 'at'],
    ])('refuses an attempt %j with 422, storing nothing', async ({ at }, field) => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(7) });
      const [week1] = (await followUpsOf(admission.id)).items;
      const before = await counts();
      const when =
        at === 'future'
          ? new Date(Date.now() + 3600_000)
          : new Date(dischargedDaysAgo(7).getTime() - 3600_000);
      const response = await nurse.post(`/api/follow-ups/${week1.id}/attempts`, {
        method: 'phone',
        at: when.toISOString(),
        result: 'no-answer',
      });
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.type).toBe('/problems/follow-up-rule-violated');
      expect(response.body.errors[0].field).toBe(field);
      expect(await counts()).toEqual(before);
    });
  });

  describe('outcomes', () => {
    it('records an outcome with instruments scored and the PGIC wording, then a correction and a re-entry', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(8) });
      const [week1] = (await followUpsOf(admission.id)).items;
      const recorded = await nurse.post(
        `/api/follow-ups/${week1.id}/outcome`,
        anOutcome({
          medicationChanges: 'Stopped pregabalin',
          adverseEffects: 'Vivid dreams for two nights',
          adverseEffectsGrade: 'mild',
          readmissionPlanned: false,
          comment: 'Walking further',
          instruments: [{ code: 'nrs', answers: { painNow: 3 } }],
        }),
      );
      expect(recorded.status).toBe(201);
      expect(recorded.body.status).toBe('done');
      expect(recorded.body.outcome).toMatchObject({
        assessedOn: today(),
        painNow: 3,
        painWorstWeek: 5,
        pgic: 2,
        pgicWording: 'pgic-7-point-v1',
        benefitOngoing: true,
        benefitReturned: null,
        benefitEndedOn: null,
        benefitEndedOnApproximate: false,
        medicationChanges: 'Stopped pregabalin',
        adverseEffectsGrade: 'mild',
        readmissionPlanned: false,
        instruments: [
          { code: 'nrs', version: 'nrs-11-point-v1', answers: { painNow: 3 }, score: 3, valid: true },
        ],
        enteredInError: null,
      });

      const second = await nurse.post(`/api/follow-ups/${week1.id}/outcome`, anOutcome());
      expect(second.status).toBe(409);
      expect(second.body.type).toBe('/problems/outcome-exists');

      const corrected = await nurse.post(
        `/api/follow-up-outcomes/${recorded.body.outcome.id}/entered-in-error`,
        {
          reason: 'Wrong patient on the phone',
        },
      );
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ status: 'due', outcome: null });
      expect(corrected.body.outcomesEnteredInError[0].enteredInError).toMatchObject({
        reason: 'Wrong patient on the phone',
        by: { displayName: expect.any(String) },
      });
      const again = await nurse.post(`/api/follow-up-outcomes/${recorded.body.outcome.id}/entered-in-error`, {
        reason: 'Twice',
      });
      expect(again.status).toBe(409);
      const reentered = await nurse.post(`/api/follow-ups/${week1.id}/outcome`, anOutcome({ painNow: 6 }));
      expect(reentered.status).toBe(201);
      expect(reentered.body.outcome.painNow).toBe(6);
      expect(reentered.body.outcomesEnteredInError).toHaveLength(1);
      const actions = await db.query(
        "SELECT action FROM audit_events WHERE admission_id = $1 AND action LIKE 'follow-up.%' ORDER BY id",
        [admission.id],
      );
      expect(actions.rows.map((row) => row.action)).toEqual([
        'follow-up.outcome-recorded',
        'follow-up.outcome-entered-in-error',
        'follow-up.outcome-recorded',
      ]);
    });

    it('enforces the benefit consistency across follow-ups of one admission', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(20) });
      const [week1, week2] = (await followUpsOf(admission.id)).items;
      const dischargedOn = addDays(today(), -20);
      expect(
        (
          await nurse.post(
            `/api/follow-ups/${week1.id}/outcome`,
            anOutcome({ assessedOn: addDays(dischargedOn, 7), benefitOngoing: true }),
          )
        ).status,
      ).toBe(201);
      const before = await counts();
      const endedTooEarly = await nurse.post(
        `/api/follow-ups/${week2.id}/outcome`,
        anOutcome({ benefitOngoing: false, benefitEndedOn: addDays(dischargedOn, 5) }),
      );
      expect(endedTooEarly.status).toBe(422);
      expect(endedTooEarly.body.errors[0].field).toBe('benefitEndedOn');
      expect(endedTooEarly.body.detail).toMatch(/earlier follow-up reported the benefit ongoing/);
      expect(await counts()).toEqual(before);
      expect(
        (
          await nurse.post(
            `/api/follow-ups/${week2.id}/outcome`,
            anOutcome({
              assessedOn: addDays(dischargedOn, 14),
              benefitOngoing: false,
              benefitEndedOn: addDays(dischargedOn, 10),
              benefitEndedOnApproximate: true,
            }),
          )
        ).status,
      ).toBe(201);
      const extra = await prescriber.post(`/api/admissions/${admission.id}/follow-ups`, {
        dueOn: addDays(today(), 1),
        reason: 'Patient asked for a call after the weekend',
      });
      expect(extra.status).toBe(201);
      expect(extra.body).toMatchObject({
        kind: 'extra',
        label: 'Extra',
        weeks: null,
        status: 'due',
        reason: expect.any(String),
      });
      const ongoingAgain = await nurse.post(
        `/api/follow-ups/${extra.body.id}/outcome`,
        anOutcome({ benefitOngoing: true }),
      );
      expect(ongoingAgain.status).toBe(422);
      expect(ongoingAgain.body.errors[0].field).toBe('benefitReturned');
      const returned = await nurse.post(
        `/api/follow-ups/${extra.body.id}/outcome`,
        anOutcome({ benefitOngoing: true, benefitReturned: true }),
      );
      expect(returned.status).toBe(201);
    });

    it.each([
      ['assessed before discharge', { assessedOn: 'before' }, 'assessedOn'],
      ['assessed in the future', { assessedOn: 'tomorrow' }, 'assessedOn'],
      ['ended benefit without a date', { benefitOngoing: false }, 'benefitEndedOn'],
      [
        'benefit ended before discharge',
        { benefitOngoing: false, benefitEndedOn: 'before' },
        'benefitEndedOn',
      ],
      [
        'benefit ended after the assessment',
        { benefitOngoing: false, assessedOn: 'yesterday', benefitEndedOn: 'today' },
        'benefitEndedOn',
      ],
      [
        'an end date with benefit ongoing',
        { benefitOngoing: true, benefitEndedOn: 'yesterday' },
        'benefitEndedOn',
      ],
      [
        'benefitReturned with nothing ended before',
        { benefitOngoing: true, benefitReturned: true },
        'benefitReturned',
      ],
    ])('refuses an outcome with %s (422), storing nothing', async (_name, change, field) => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(7) });
      const [week1] = (await followUpsOf(admission.id)).items;
      const dates: Record<string, string> = {
        before: addDays(today(), -8),
        tomorrow: addDays(today(), 1),
        yesterday: addDays(today(), -1),
        today: today(),
      };
      const body = Object.fromEntries(
        Object.entries(change).map(([key, value]) => [key, typeof value === 'string' ? dates[value] : value]),
      );
      const before = await counts();
      const response = await nurse.post(`/api/follow-ups/${week1.id}/outcome`, anOutcome(body));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe('/problems/follow-up-rule-violated');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['assessedOn', { assessedOn: '2026-02-30' }],
      ['assessedOn', { assessedOn: undefined }],
      ['method', { method: 'telepathy' }],
      ['painNow', { painNow: 11 }],
      ['painNow', { painNow: undefined }],
      ['painNow', { painNow: 2.5 }],
      ['painWorstWeek', { painWorstWeek: -1 }],
      ['pgic', { pgic: 0 }],
      ['pgic', { pgic: 8 }],
      ['benefitOngoing', { benefitOngoing: 'yes' }],
      ['benefitOngoing', { benefitOngoing: undefined }],
      ['benefitReturned', { benefitReturned: 'no' }],
      ['benefitEndedOn', { benefitEndedOn: 'last week' }],
      ['benefitEndedOnApproximate', { benefitEndedOnApproximate: 1 }],
      ['medicationChanges', { medicationChanges: 'x'.repeat(2001) }],
      ['adverseEffects', { adverseEffects: 5 }],
      ['adverseEffectsGrade', { adverseEffectsGrade: 'awful' }],
      ['readmissionPlanned', { readmissionPlanned: 'maybe' }],
      ['comment', { comment: 'x'.repeat(2001) }],
      ['instruments', { instruments: 'bpi' }],
      ['instruments.0.code', { instruments: [{ code: 'unknown-scale', answers: {} }] }],
      ['instruments.0.answers', { instruments: [{ code: 'nrs', answers: { painNow: 12 } }] }],
      ['instruments.0.answers', { instruments: [{ code: 'nrs', answers: { elsewhere: 1 } }] }],
      ['unexpected', { unexpected: true }],
    ])('refuses bad input of %s with 400, storing nothing', async (field, change) => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(7) });
      const [week1] = (await followUpsOf(admission.id)).items;
      const before = await counts();
      const response = await nurse.post(`/api/follow-ups/${week1.id}/outcome`, anOutcome(change));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['method', { method: 'pigeon' }],
      ['at', { at: 'yesterday' }],
      ['at', { at: undefined }],
      ['result', { result: 'engaged' }],
      ['note', { note: 'x'.repeat(2001) }],
    ])('refuses an attempt with bad %s (400)', async (field, change) => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(7) });
      const [week1] = (await followUpsOf(admission.id)).items;
      const before = await counts();
      const response = await nurse.post(`/api/follow-ups/${week1.id}/attempts`, {
        method: 'phone',
        at: new Date().toISOString(),
        result: 'no-answer',
        ...change,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for an unknown follow-up or outcome', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await nurse.post(`/api/follow-ups/${unknown}/outcome`, anOutcome())).status).toBe(404);
      expect(
        (await nurse.post(`/api/follow-up-outcomes/${unknown}/entered-in-error`, { reason: 'x' })).status,
      ).toBe(404);
      expect((await nurse.get(`/api/admissions/${unknown}/follow-ups`)).status).toBe(404);
    });
  });

  describe('extra follow-ups and cancellations', () => {
    it('adds an extra follow-up and cancels one with a reason; nothing is recorded on a cancelled follow-up', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(3) });
      const record = await followUpsOf(admission.id);
      const before = await counts();
      expect(
        (
          await prescriber.post(`/api/admissions/${admission.id}/follow-ups`, {
            dueOn: addDays(today(), -3),
            reason: 'On the discharge day',
          })
        ).status,
      ).toBe(422);
      expect(
        (await prescriber.post(`/api/admissions/${admission.id}/follow-ups`, { dueOn: addDays(today(), 3) }))
          .status,
      ).toBe(400);
      expect(
        (
          await prescriber.post(`/api/admissions/${admission.id}/follow-ups`, {
            dueOn: addDays(today(), 3),
            reason: 'x',
            windowDays: 29,
          })
        ).status,
      ).toBe(400);
      expect(await counts()).toEqual(before);
      const extra = await prescriber.post(`/api/admissions/${admission.id}/follow-ups`, {
        dueOn: addDays(today(), 10),
        windowDays: 1,
        reason: 'Check after the pain clinic review',
      });
      expect(extra.body).toMatchObject({
        windowStart: addDays(today(), 9),
        windowEnd: addDays(today(), 11),
        status: 'upcoming',
      });
      const cancelled = await prescriber.post(`/api/follow-ups/${record.items[1].id}/cancel`, {
        reason: 'Seen in clinic',
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        cancellation: { reason: 'Seen in clinic' },
      });
      const countsAfter = await counts();
      expect(
        (await prescriber.post(`/api/follow-ups/${record.items[1].id}/cancel`, { reason: 'again' })).status,
      ).toBe(409);
      const attempt = await nurse.post(`/api/follow-ups/${record.items[1].id}/attempts`, {
        method: 'phone',
        at: new Date().toISOString(),
        result: 'reached',
      });
      expect(attempt.status).toBe(409);
      expect(attempt.body.type).toBe('/problems/follow-up-closed');
      expect((await nurse.post(`/api/follow-ups/${record.items[1].id}/outcome`, anOutcome())).status).toBe(
        409,
      );
      expect(await counts()).toEqual(countsAfter);
      expect((await nurse.post(`/api/follow-ups/${record.items[2].id}/cancel`, { reason: 'x' })).status).toBe(
        403,
      );
    });
  });

  describe('terminal events', () => {
    it('cancels every remaining follow-up with the reason, keeps the done ones, and takes nothing afterwards', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(8) });
      const [week1, week2] = (await followUpsOf(admission.id)).items;
      await nurse.post(`/api/follow-ups/${week1.id}/outcome`, anOutcome());
      const readmittedByNurse = await nurse.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
        kind: 'readmitted',
        on: today(),
        reason: 'Admitted for a second infusion',
      });
      expect(readmittedByNurse.status).toBe(403);
      const before = await counts();
      for (const [on, status] of [
        [addDays(today(), 1), 422],
        [addDays(today(), -9), 422],
        ['yesterday', 400],
      ] as const) {
        const response = await nurse.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
          kind: 'lost',
          on,
          reason: 'x',
        });
        expect(response.status).toBe(status);
      }
      expect(
        (
          await nurse.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
            kind: 'gone',
            on: today(),
            reason: 'x',
          })
        ).status,
      ).toBe(400);
      expect(await counts()).toEqual(before);

      const ended = await nurse.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
        kind: 'lost',
        on: today(),
        reason: 'No answer on any number for three weeks',
      });
      expect(ended.status).toBe(201);
      expect(ended.body.terminalEvent).toMatchObject({ kind: 'lost', on: today() });
      expect(ended.body.items.map((item: { status: string }) => item.status)).toEqual([
        'done',
        'cancelled',
        'cancelled',
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      expect(ended.body.items[1].cancellation.reason).toBe(
        'Lost to follow-up: No answer on any number for three weeks',
      );
      const afterwards = await counts();
      expect(afterwards.follow_ups).toBe(before.follow_ups);
      expect(
        (
          await nurse.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
            kind: 'died',
            on: today(),
            reason: 'x',
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await nurse.post(`/api/follow-ups/${week2.id}/attempts`, {
            method: 'phone',
            at: new Date().toISOString(),
            result: 'reached',
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await prescriber.post(`/api/admissions/${admission.id}/follow-ups`, {
            dueOn: addDays(today(), 3),
            reason: 'x',
          })
        ).status,
      ).toBe(409);
      expect(await counts()).toEqual(afterwards);
      // A correction after the end leaves the reopened follow-up cancelled, not overdue.
      const week1Outcome = ended.body.items[0].outcome.id;
      const corrected = await nurse.post(`/api/follow-up-outcomes/${week1Outcome}/entered-in-error`, {
        reason: 'Wrong patient',
      });
      expect(corrected.body.status).toBe('cancelled');
    });
  });

  describe('a terminal event entered in error', () => {
    it('is marked with the reason and reopens, as new follow-ups, those whose window is still open', async () => {
      const ward = `Corrected ward ${process.pid}`;
      // Discharged 20 days ago: week 1 (days 4-10) and week 2 (days 11-17) have closed, week 4 opens in 5 days.
      const admission = await aDischargedAdmission(prescriber, {
        dischargedAt: dischargedDaysAgo(20),
        admission: { ward },
      });
      const [week1] = (await followUpsOf(admission.id)).items;
      expect((await nurse.post(`/api/follow-ups/${week1.id}/outcome`, anOutcome())).status).toBe(201);
      const ended = await nurse.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
        kind: 'died',
        on: today(),
        reason: 'Told by the GP',
      });
      expect(ended.status).toBe(201);
      const event = ended.body.terminalEvent;
      const cancelled = ended.body.items.slice(1).map((item: { id: string }) => item.id);
      expect((await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}`)).body.items).toEqual([]);

      const before = await counts();
      for (const body of [{}, { reason: '' }, { reason: 7 }, { reason: 'x'.repeat(501) }]) {
        expect(
          (await nurse.post(`/api/follow-up-terminal-events/${event.id}/entered-in-error`, body)).status,
        ).toBe(400);
      }
      expect(
        (
          await nurse.post(`/api/follow-up-terminal-events/${crypto.randomUUID()}/entered-in-error`, {
            reason: 'Wrong patient',
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await auditor.post(`/api/follow-up-terminal-events/${event.id}/entered-in-error`, {
            reason: 'Wrong patient',
          })
        ).status,
      ).toBe(403);
      expect(await counts()).toEqual(before);

      const corrected = await nurse.post(`/api/follow-up-terminal-events/${event.id}/entered-in-error`, {
        reason: 'The GP meant another patient of the same name',
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body.terminalEvent).toBeNull();
      expect(corrected.body.terminalEventsEnteredInError).toEqual([
        expect.objectContaining({
          id: event.id,
          kind: 'died',
          enteredInError: expect.objectContaining({
            reason: 'The GP meant another patient of the same name',
          }),
        }),
      ]);
      const items: { id: string; label: string; status: string; reopens: string | null }[] =
        corrected.body.items;
      // Nothing deleted: the cancelled follow-ups stay, week 2 (window closed) is not reopened, weeks 4-26 are.
      expect(items.filter((item) => cancelled.includes(item.id)).map((item) => item.status)).toEqual(
        Array(5).fill('cancelled'),
      );
      const reopened = items.filter((item) => item.reopens !== null);
      expect(reopened.map((item) => [item.label, item.status])).toEqual([
        ['Week 4', 'upcoming'],
        ['Week 8', 'upcoming'],
        ['Week 12', 'upcoming'],
        ['Week 26', 'upcoming'],
      ]);
      expect(reopened.map((item) => item.reopens)).toEqual(cancelled.slice(1));
      const after = await counts();
      expect(after).toMatchObject({
        follow_ups: before.follow_ups + 4,
        cancellations: before.cancellations,
        terminal_events: before.terminal_events,
        audit_events: before.audit_events + 1,
      });
      const audit = await db.query(
        "SELECT change FROM audit_events WHERE entity_id = $1 AND action = 'follow-up.terminal-event-entered-in-error'",
        [event.id],
      );
      expect(audit.rows[0].change.after.leftCancelled).toEqual([cancelled[0]]);
      expect(audit.rows[0].change.after.reopened).toHaveLength(4);

      // Once only; the worklist shows the patient again; the reopened follow-ups take attempts.
      expect(
        (
          await nurse.post(`/api/follow-up-terminal-events/${event.id}/entered-in-error`, {
            reason: 'Again',
          })
        ).status,
      ).toBe(409);
      const list = (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}`)).body.items;
      expect(list.map((item: { admission: { id: string } }) => item.admission.id)).toEqual([admission.id]);
      expect(list[0].followUps.map((followUp: { id: string }) => followUp.id)).toEqual([reopened[0].id]);
      expect(
        (
          await nurse.post(`/api/follow-ups/${reopened[0].id}/attempts`, {
            method: 'phone',
            at: new Date().toISOString(),
            result: 'no-answer',
          })
        ).status,
      ).toBe(201);
      // A terminal event recorded afterwards ends the reopened follow-ups in turn.
      const lost = await nurse.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
        kind: 'lost',
        on: today(),
        reason: 'Moved overseas',
      });
      expect(lost.status).toBe(201);
      expect(
        lost.body.items
          .filter((item: { reopens: string | null }) => item.reopens !== null)
          .map((item: { status: string }) => item.status),
      ).toEqual(Array(4).fill('cancelled'));
    });

    it('lets only a prescriber correct a readmission, as only a prescriber records one', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(3) });
      const ended = await prescriber.post(`/api/admissions/${admission.id}/lost-to-follow-up`, {
        kind: 'readmitted',
        on: today(),
        reason: 'Admitted for a second infusion',
      });
      expect(ended.status).toBe(201);
      const path = `/api/follow-up-terminal-events/${ended.body.terminalEvent.id}/entered-in-error`;
      expect((await nurse.post(path, { reason: 'Wrong patient' })).status).toBe(403);
      const corrected = await prescriber.post(path, { reason: 'Wrong patient' });
      expect(corrected.status).toBe(200);
      expect(corrected.body.items.filter((item: { reopens: string | null }) => item.reopens)).toHaveLength(6);
    });
  });

  describe('roles and contact details', () => {
    it('lets an auditor read an admission’s follow-ups, with no phone number in it, and audits the read', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(2) });
      const response = await auditor.get(`/api/admissions/${admission.id}/follow-ups`);
      expect(response.status).toBe(200);
      expect(response.text).not.toMatch(/0412 345 678/);
      expect((await auditor.get('/api/follow-ups')).status).toBe(403);
      const audit = await db.query(
        "SELECT count(*)::int AS n FROM audit_events WHERE admission_id = $1 AND action = 'follow-ups.viewed'",
        [admission.id],
      );
      expect(audit.rows[0].n).toBe(1);
    });

    it('shows contact details to nurses and prescribers, and lets them change them', async () => {
      const admission = await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(2) });
      const patientId = admission.patient.id;
      expect((await nurse.get(`/api/patients/${patientId}`)).body.contact).toEqual({
        phoneNumbers: [{ label: 'mobile', number: '0412 345 678' }],
        preferredMethod: 'phone',
      });
      const changed = await nurse.patch(`/api/patients/${patientId}/contact`, {
        phoneNumbers: [
          { label: 'home', number: '(02) 9876 5432' },
          { label: 'mobile', number: '+61 412 345 679' },
        ],
        preferredMethod: 'video',
      });
      expect(changed.status).toBe(200);
      expect(changed.body.contact.preferredMethod).toBe('video');
      // The audit trail records the change, but its readers (auditors, admins) see no number.
      for (const reader of [auditor, admin]) {
        for (const action of ['patient.created', 'patient.contact-updated']) {
          const trail = await reader.get(`/api/audit-events?action=${action}`);
          expect(trail.status).toBe(200);
          expect(trail.body.items.length).toBeGreaterThan(0);
          expect(trail.text).not.toMatch(/0412 ?345 ?67|9876 5432/);
        }
        const csv = await reader.get('/api/exports/audit-events.csv?action=patient.contact-updated');
        expect(csv.status).toBe(200);
        expect(csv.text).not.toMatch(/0412 ?345 ?67|9876 5432/);
      }
      const contactChange = await admin.get(`/api/audit-events?action=patient.contact-updated`);
      expect(
        contactChange.body.items.find((item: { entityId: string }) => item.entityId === patientId).change
          .after,
      ).toEqual({
        phoneNumbers: [
          { label: 'home', number: 'withheld' },
          { label: 'mobile', number: 'withheld' },
        ],
        preferredMethod: 'video',
      });
      const before = await counts();
      for (const body of [
        { phoneNumbers: [{ label: 'home', number: '12345' }], preferredMethod: null },
        { phoneNumbers: [{ label: 'home', number: 'call reception' }], preferredMethod: null },
        { phoneNumbers: [{ label: 'home', number: '+-()  -- 12' }], preferredMethod: null },
        { phoneNumbers: [{ label: 'pager', number: '0412345678' }], preferredMethod: null },
        { phoneNumbers: [], preferredMethod: 'carrier pigeon' },
        {
          phoneNumbers: Array.from({ length: 6 }, () => ({ label: 'home', number: '0412345678' })),
          preferredMethod: null,
        },
        { preferredMethod: null },
      ]) {
        expect((await nurse.patch(`/api/patients/${patientId}/contact`, body)).status).toBe(400);
      }
      expect(await counts()).toEqual(before);
      expect(
        (
          await auditor.patch(`/api/patients/${patientId}/contact`, {
            phoneNumbers: [],
            preferredMethod: null,
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('the worklist', () => {
    it("shows only the day's calls with show=to-do, counting the admissions whose follow-ups are all upcoming", async () => {
      const ward = `To-do ward ${process.pid}`;
      const make = (days: number) =>
        aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(days), admission: { ward } });
      const overdue = await make(14);
      const due = await make(7);
      const upcoming = await make(2);
      // Upcoming by its window, but missed after three failed attempts: a call to make, not to wait for.
      const calledEarly = await make(2);
      const [early] = (await followUpsOf(calledEarly.id)).items;
      for (const minutes of [30, 20, 10]) {
        const attempt = await nurse.post(`/api/follow-ups/${early.id}/attempts`, {
          method: 'phone',
          at: new Date(Date.now() - minutes * 60_000).toISOString(),
          result: 'no-answer',
        });
        expect(attempt.status).toBe(201);
      }
      const path = `/api/follow-ups?ward=${encodeURIComponent(ward)}`;
      const sections = (list: { items: { section: string; admission: { id: string } }[] }) =>
        list.items.map((item) => [item.section, item.admission.id]);

      const all = (await nurse.get(path)).body;
      expect(sections(all)).toEqual([
        ['overdue', overdue.id],
        ['due', due.id],
        ['missed', calledEarly.id],
        ['upcoming', upcoming.id],
      ]);
      expect(all.upcomingAdmissions).toBe(1);
      const toDo = (await nurse.get(`${path}&show=to-do`)).body;
      expect(toDo.items).toEqual(
        all.items.filter((item: { section: string }) => item.section !== 'upcoming'),
      );
      expect(toDo.upcomingAdmissions).toBe(1);
      const audited = await db.query(
        `SELECT change FROM audit_events WHERE action = 'follow-up-worklist.viewed'
          AND change -> 'filter' ->> 'ward' = $1 ORDER BY id`,
        [ward],
      );
      expect(audited.rows.map((row: { change: unknown }) => row.change)).toEqual([
        { filter: { ward }, admissions: 4 },
        { filter: { ward, show: 'to-do' }, admissions: 3 },
      ]);

      // Nothing to do on a ward whose follow-ups are all upcoming: an empty list, and the count.
      const quietWard = `Quiet ward ${process.pid}`;
      await aDischargedAdmission(prescriber, {
        dischargedAt: dischargedDaysAgo(1),
        admission: { ward: quietWard },
      });
      const quiet = (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(quietWard)}&show=to-do`))
        .body;
      expect(quiet).toEqual({ today: today(), items: [], upcomingAdmissions: 1 });
      expect((await nurse.get('/api/follow-ups?show=upcoming')).status).toBe(400);
    });

    it('puts each admission once in its most urgent section, in order, filtered', async () => {
      const ward = `Worklist ward ${process.pid}`;
      // Week 1 (window ±3 days): discharged 11 days ago → overdue by 1; 14 → overdue by 4 (and week 2
      // due); 7 → due; 2 → upcoming, its window opens in 2 days; just now → opens in 4 days.
      const make = (days: number) =>
        aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(days), admission: { ward } });
      const overdueBy1 = await make(11);
      const overdueBy4 = await make(14);
      const due = await make(7);
      const upcoming = await make(2);
      const later = await aDischargedAdmission(prescriber, {
        dischargedAt: new Date(Date.now() - 60_000),
        admission: { ward },
      });
      const list = (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}`)).body;
      expect(list.today).toBe(today());
      expect(
        list.items.map((item: { section: string; admission: { id: string } }) => [
          item.section,
          item.admission.id,
        ]),
      ).toEqual([
        ['overdue', overdueBy4.id],
        ['overdue', overdueBy1.id],
        ['due', due.id],
        ['upcoming', upcoming.id],
        ['upcoming', later.id],
      ]);
      const audited = await db.query(
        `SELECT user_id, change FROM audit_events WHERE action = 'follow-up-worklist.viewed'
          AND change -> 'filter' ->> 'ward' = $1`,
        [ward],
      );
      expect(audited.rows).toEqual([{ user_id: nurseId, change: { filter: { ward }, admissions: 5 } }]);
      const twice = list.items[0];
      expect(
        twice.followUps.map((followUp: { label: string; status: string }) => [
          followUp.label,
          followUp.status,
        ]),
      ).toEqual([
        ['Week 1', 'overdue'],
        ['Week 2', 'due'],
      ]);
      expect(twice.patient.contact.phoneNumbers[0].number).toBe('0412 345 678');
      expect(twice.admission).toMatchObject({
        ward,
        indication: 'crps',
        clinician: { displayName: expect.any(String) },
      });

      expect(
        (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}&indication=diabetic-neuropathy`))
          .body.items,
      ).toEqual([]);
      expect(
        (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}&indication=crps`)).body.items,
      ).toHaveLength(5);
      const other = await aUser(testApp, ['prescriber']);
      expect(
        (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}&clinicianId=${other.id}`)).body
          .items,
      ).toEqual([]);
      expect((await nurse.get('/api/follow-ups?indication=bogus')).status).toBe(400);
      expect((await nurse.get('/api/follow-ups?clinicianId=not-a-uuid')).status).toBe(400);

      // A done follow-up leaves the list: that admission now shows for its upcoming week 2 only.
      const done = await nurse.post(
        `/api/follow-ups/${(await followUpsOf(due.id)).items[0].id}/outcome`,
        anOutcome(),
      );
      expect(done.status).toBe(201);
      const after = (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}`)).body;
      const moved = after.items.find((item: { admission: { id: string } }) => item.admission.id === due.id);
      expect(moved.section).toBe('upcoming');
      expect(moved.followUps.map((followUp: { label: string }) => followUp.label)).toEqual(['Week 2']);
    });

    it('shows each follow-up, patient and admission as their own reads show them', async () => {
      // The worklist's statuses, instants and sort keys are derived in its SQL; the other reads derive
      // them in TypeScript (followUpStatus, linkStateOf, toISOString): they must agree.
      const ward = `Same-as ward ${process.pid}`;
      const make = (days: number, patient: Record<string, unknown> = {}) =>
        aDischargedAdmission(prescriber, {
          dischargedAt: dischargedDaysAgo(days),
          admission: { ward },
          patient,
        });
      const due = await make(7, {
        contact: {
          phoneNumbers: [
            { label: 'home', number: '02 9876 5432' },
            { label: 'mobile', number: '0412 345 678' },
          ],
          preferredMethod: 'phone',
        },
      });
      const missed = await make(8, { contact: { phoneNumbers: [], preferredMethod: null } });
      const overdue = await make(12);
      const upcoming = await make(2);
      // On the last and on the first day of a window: due, not overdue or upcoming.
      const lastDay = await make(10);
      const firstDay = await make(4);
      const [dueWeek1] = (await followUpsOf(due.id)).items;
      const [missedWeek1] = (await followUpsOf(missed.id)).items;
      const [overdueWeek1] = (await followUpsOf(overdue.id)).items;
      const attempt = (followUpId: string, minutesAgo: number, result: string) =>
        nurse.post(`/api/follow-ups/${followUpId}/attempts`, {
          method: 'phone',
          at: new Date(Date.now() - minutesAgo * 60_000 - 123).toISOString(),
          result,
        });
      expect((await attempt(dueWeek1.id, 30, 'no-answer')).status).toBe(201);
      expect((await attempt(dueWeek1.id, 20, 'reached')).status).toBe(201);
      for (const minutesAgo of [50, 40, 30]) {
        expect((await attempt(missedWeek1.id, minutesAgo, 'message-left')).status).toBe(201);
      }
      // Patient links: out on one follow-up, revoked on another, opened on a third.
      const issue = async (followUpId: string) => {
        const issued = await nurse.post(`/api/follow-ups/${followUpId}/patient-links`);
        expect(issued.status).toBe(201);
        return issued.body as { id: string; token: string };
      };
      await issue(dueWeek1.id);
      const revoked = await issue(missedWeek1.id);
      expect((await prescriber.post(`/api/patient-links/${revoked.id}/revoke`)).status).toBe(200);
      const opened = await issue(overdueWeek1.id);
      const phone = await ApiClient.anonymous(testApp);
      expect((await phone.get(`/api/public/responses/${opened.token}`)).status).toBe(200);

      const list = await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}`);
      expect(list.status).toBe(200);
      expect(
        list.body.items.map((item: { section: string; admission: { id: string } }) => [
          item.section,
          item.admission.id,
        ]),
      ).toEqual([
        ['overdue', overdue.id],
        ['due', lastDay.id],
        ['due', due.id],
        ['due', firstDay.id],
        ['missed', missed.id],
        ['upcoming', upcoming.id],
      ]);
      const links = [];
      for (const item of list.body.items) {
        const own = await followUpsOf(item.admission.id);
        expect(item.followUps).toEqual(
          own.items
            .filter((followUp: { status: string }) => followUp.status !== 'done')
            .map((followUp: Record<string, unknown> & { attempts: { at: string; result: string }[] }) => {
              const last = followUp.attempts.at(-1);
              return {
                id: followUp.id,
                label: followUp.label,
                weeks: followUp.weeks,
                dueOn: followUp.dueOn,
                windowStart: followUp.windowStart,
                windowEnd: followUp.windowEnd,
                status: followUp.status,
                attemptCount: followUp.attempts.length,
                lastAttemptAt: last?.at ?? null,
                lastAttemptResult: last?.result ?? null,
                patientLink: followUp.patientLink,
              };
            })
            .filter(
              (followUp: { status: string; windowStart: string }) =>
                followUp.windowStart <= addDays(today(), 7),
            ),
        );
        links.push(
          ...item.followUps.map(
            (followUp: { patientLink: { status: string } | null }) => followUp.patientLink?.status,
          ),
        );
        const patient = await nurse.get(`/api/patients/${item.patient.id}`);
        expect(patient.status).toBe(200);
        expect(item.patient).toEqual({
          id: patient.body.id,
          mrn: patient.body.mrn,
          familyName: patient.body.familyName,
          givenName: patient.body.givenName,
          dateOfBirth: patient.body.dateOfBirth,
          contact: patient.body.contact,
        });
        const admission = await nurse.get(`/api/admissions/${item.admission.id}`);
        expect(admission.status).toBe(200);
        expect(item.admission).toMatchObject({
          id: admission.body.id,
          ward,
          indication: admission.body.indication,
          admittedAt: admission.body.admittedAt,
          dischargedAt: admission.body.dischargedAt,
        });
      }
      expect(links.filter(Boolean).sort()).toEqual(['opened', 'out', 'revoked']);
      const entryOf = (admissionId: string) =>
        list.body.items.find((item: { admission: { id: string } }) => item.admission.id === admissionId);
      expect(entryOf(due.id).patient.contact.phoneNumbers).toEqual([
        { label: 'home', number: '02 9876 5432' },
        { label: 'mobile', number: '0412 345 678' },
      ]);
      expect(entryOf(missed.id).patient.contact).toEqual({ phoneNumbers: [], preferredMethod: null });
    });

    it('orders due entries by the end of their window and upcoming ones by its start', async () => {
      const ward = `Window order ward ${process.pid}`;
      /** An admission whose only listed follow-up is an extra one, with a window of ±`windowDays`. */
      const withOnlyAnExtra = async (dischargedDays: number, dueOn: string, windowDays: number) => {
        const admission = await aDischargedAdmission(prescriber, {
          dischargedAt: dischargedDaysAgo(dischargedDays),
          admission: { ward },
        });
        const [week1] = (await followUpsOf(admission.id)).items;
        const cancelled = await prescriber.post(`/api/follow-ups/${week1.id}/cancel`, { reason: 'Abroad' });
        expect(cancelled.status).toBe(200);
        const extra = await prescriber.post(`/api/admissions/${admission.id}/follow-ups`, {
          dueOn,
          windowDays,
          reason: 'Asked to be called',
        });
        expect(extra.status).toBe(201);
        return admission;
      };
      // Due: week 1 in [-3, +3] and an extra in [-1, +1]; the extra's window ends first.
      const dueWide = await aDischargedAdmission(prescriber, {
        dischargedAt: dischargedDaysAgo(7),
        admission: { ward },
      });
      const dueNarrow = await withOnlyAnExtra(1, today(), 1);
      // Upcoming: week 1 in [+2, +8] and an extra in [+5, +7]; week 1's window starts first.
      const upcomingWide = await aDischargedAdmission(prescriber, {
        dischargedAt: dischargedDaysAgo(2),
        admission: { ward },
      });
      const upcomingNarrow = await withOnlyAnExtra(1, addDays(today(), 6), 1);
      const list = (await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}`)).body;
      expect(
        list.items.map((item: { section: string; admission: { id: string } }) => [
          item.section,
          item.admission.id,
        ]),
      ).toEqual([
        ['due', dueNarrow.id],
        ['due', dueWide.id],
        ['upcoming', upcomingWide.id],
        ['upcoming', upcomingNarrow.id],
      ]);
    });

    it.each(ENDED_SESSIONS)(
      'answers nothing and audits nothing when the session is %s since (ADR 10)',
      async (_, sql, status) => {
        const user = await aUser(testApp, ['nurse']);
        const reader = await ApiClient.signedIn(testApp, user.username);
        expect((await reader.get('/api/follow-ups?show=to-do')).status).toBe(200);
        await db.query(sql, [user.id]);
        const response = await reader.get('/api/follow-ups?show=to-do');
        expect(response.status).toBe(status);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        const audited = await db.query(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'follow-up-worklist.viewed' AND user_id = $1",
          [user.id],
        );
        expect(audited.rows[0].n).toBe(1);
      },
    );

    it('reads the worklist in the same number of statements however many patients are on it', async () => {
      const ward = `Counted ward ${process.pid}`;
      const spy = jest.spyOn(pg.Client.prototype, 'query');
      const statements = async () => {
        spy.mockClear();
        const response = await nurse.get(`/api/follow-ups?ward=${encodeURIComponent(ward)}`);
        expect(response.status).toBe(200);
        // The nurse's session was checked lately by this process, so the worklist's statement checks
        // it too, and restarts its idle clock when due (ADR 10): no statement of the guard's own.
        return { count: spy.mock.calls.length, items: response.body.items.length };
      };
      try {
        await aDischargedAdmission(prescriber, { dischargedAt: dischargedDaysAgo(7), admission: { ward } });
        const one = await statements();
        for (let index = 0; index < 5; index += 1) {
          await aDischargedAdmission(prescriber, {
            dischargedAt: dischargedDaysAgo(6 + index),
            admission: { ward },
          });
        }
        const six = await statements();
        expect(one.items).toBe(1);
        expect(six.items).toBe(6);
        expect(six.count).toBe(one.count);
        // One statement: the session check, the worklist, its patient links and its audit row.
        expect(six.count).toBe(1);
      } finally {
        spy.mockRestore();
      }
    });
  });

  it('lists the shipped instruments to anyone signed in', async () => {
    const response = await auditor.get('/api/instruments');
    expect(response.status).toBe(200);
    expect(response.body.map((instrument: { code: string }) => instrument.code)).toEqual(['pgic', 'nrs']);
    expect(response.body[0]).toMatchObject({
      version: 'pgic-7-point-v1',
      placeholder: false,
      scale: { min: 1, max: 7 },
      scoring: { rule: 'mean', minAnswered: 1 },
    });
  });
});
