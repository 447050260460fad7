import pg from 'pg';
import request from 'supertest';
import { ApiClient, aUser } from '../testing/api-client.js';
import { aDischargedAdmission } from '../testing/clinical-factories.js';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { createTestDatabase } from '../testing/test-database.js';
import { MAX_REQUESTS_PER_TOKEN, MAX_UNUSABLE_REQUESTS_PER_ADDRESS } from './patient-link-limiter.js';
import { newPatientLinkToken } from './patient-link-token.js';

const DAY = 86_400_000;

/** Answers a patient might send: all plausible, none pre-filled by the page. */
function someAnswers(overrides: Record<string, unknown> = {}) {
  return {
    painNow: 3,
    painWorstWeek: 5,
    pgic: 2,
    benefitOngoing: true,
    adverseEffects: 'Vivid dreams for two nights',
    adverseEffectsGrade: 'mild',
    comment: 'Walking to the shops again',
    ...overrides,
  };
}

describe('patient links: patients answer a follow-up through a one-time link', () => {
  let testApp: TestApp;
  let nurse: ApiClient;
  let nurseId: string;
  let prescriber: ApiClient;
  let db: pg.Client;

  beforeAll(async () => {
    testApp = await bootTestApp({ SERVICE_PHONE: '02 9515 0000' });
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    const nurseUser = await aUser(testApp, ['nurse']);
    nurseId = nurseUser.id;
    nurse = await ApiClient.signedIn(testApp, nurseUser.username);
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  // Every request of this file comes from one address: age the counted ones out after each test, so
  // one test's unusable tokens do not use up the next one's allowance.
  afterEach(() => sql("UPDATE patient_link_requests SET requested_at = now() - interval '1 day'"));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sql = async (text: string, parameters: unknown[] = []): Promise<any[]> =>
    (await db.query(text, parameters)).rows;

  /** The first follow-up of an admission discharged 10 days ago, with its admission and patient. */
  async function aFollowUp() {
    const admission = await aDischargedAdmission(prescriber, {
      dischargedAt: new Date(Date.now() - 10 * DAY),
    });
    const followUps = await nurse.get(`/api/admissions/${admission.id}/follow-ups`);
    expect(followUps.status).toBe(200);
    return { admission, followUpId: followUps.body.items[0].id as string };
  }

  async function issue(followUpId: string, by = nurse) {
    const issued = await by.post(`/api/follow-ups/${followUpId}/patient-links`);
    expect(issued.status).toBe(201);
    return issued.body as { id: string; token: string; path: string; expiresAt: string; issuedAt: string };
  }

  /** A patient's phone: no session, its own cookies. */
  const aPhone = () => ApiClient.anonymous(testApp);

  async function statusOf(followUpId: string) {
    const links = await nurse.get(`/api/follow-ups/${followUpId}/patient-links`);
    expect(links.status).toBe(200);
    return links.body.items[0]?.status;
  }

  async function auditActions(entityId: string) {
    return sql('SELECT action, user_id, change FROM audit_events WHERE entity_id = $1 ORDER BY id', [
      entityId,
    ]);
  }

  it('issues a link of 160 random bits whose token is not stored, only its hash, expiring in 21 days', async () => {
    const { followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    expect(link.token).toMatch(/^[a-z2-7]{32}$/);
    expect(link.path).toBe(`/r/${link.token}`);
    expect(Date.parse(link.expiresAt) - Date.parse(link.issuedAt)).toBe(21 * DAY);
    const [row] = await sql('SELECT to_jsonb(patient_links) AS row FROM patient_links WHERE id = $1', [
      link.id,
    ]);
    expect(JSON.stringify(row.row)).not.toContain(link.token);
    expect(row.row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await statusOf(followUpId)).toBe('out');
    const [audit] = await auditActions(link.id);
    expect(audit).toMatchObject({ action: 'patient-link.issued', user_id: nurseId });
    expect(JSON.stringify(audit.change)).not.toContain(link.token);
  });

  it('shows the patient only the service, the day the infusion ended and the expiry, and audits the opening', async () => {
    const { admission, followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    const phone = await aPhone();
    const page = await phone.get(`/api/public/responses/${link.token}`);
    expect(page.status).toBe(200);
    expect(Object.keys(page.body).sort()).toEqual([
      'expiresAt',
      'infusionEndedOn',
      'serviceName',
      'servicePhone',
      'today',
    ]);
    expect(page.body).toMatchObject({ serviceName: 'Pain Medicine Unit', servicePhone: '02 9515 0000' });
    expect(page.body.infusionEndedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [patient] = await sql(
      'SELECT mrn, family_name FROM patients JOIN admissions ON admissions.patient_id = patients.id WHERE admissions.id = $1',
      [admission.id],
    );
    expect(page.text).not.toContain(patient.mrn);
    expect(page.text).not.toContain(patient.family_name);
    // Opened: the 2 hours to answer start now.
    expect(Date.parse(page.body.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
    expect(await statusOf(followUpId)).toBe('opened');
    const opened = (await auditActions(link.id)).filter((row) => row.action === 'patient-link.opened');
    expect(opened).toEqual([
      expect.objectContaining({ user_id: null, change: expect.objectContaining({ first: true }) }),
    ]);
  });

  it('takes the answers once: a second submission and a later opening get the neutral answer', async () => {
    const { followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    const phone = await aPhone();
    await phone.get(`/api/public/responses/${link.token}`);
    const sent = await phone.post(`/api/public/responses/${link.token}`, someAnswers());
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ received: true });

    const again = await phone.post(`/api/public/responses/${link.token}`, someAnswers({ painNow: 9 }));
    expect(again.status).toBe(404);
    expect((await phone.get(`/api/public/responses/${link.token}`)).status).toBe(404);
    const stored = await sql('SELECT answers FROM patient_responses WHERE follow_up_id = $1', [followUpId]);
    expect(stored).toHaveLength(1);
    expect(stored[0].answers.painNow).toBe(3);
    expect(await statusOf(followUpId)).toBe('answered');
    const [response] = await sql('SELECT id FROM patient_responses WHERE follow_up_id = $1', [followUpId]);
    expect(await auditActions(response.id)).toEqual([
      expect.objectContaining({ action: 'patient-link.submitted', user_id: null }),
    ]);
  });

  it('answers wrong, malformed, used, revoked and expired tokens with the same neutral problem', async () => {
    const neutral = async (token: string) => {
      const response = await (await aPhone()).get(`/api/public/responses/${token}`);
      return {
        status: response.status,
        type: response.body.type,
        title: response.body.title,
        detail: response.body.detail,
      };
    };
    const wrong = await neutral(newPatientLinkToken());
    expect(wrong.status).toBe(404);
    expect(wrong.detail).toMatch(/cannot be used/);
    expect(await neutral('not-a-token')).toEqual(wrong);

    const revoked = await issue((await aFollowUp()).followUpId);
    await nurse.post(`/api/patient-links/${revoked.id}/revoke`);
    expect(await neutral(revoked.token)).toEqual(wrong);

    const expired = await issue((await aFollowUp()).followUpId);
    await sql(
      "UPDATE patient_links SET issued_at = now() - interval '22 days', expires_at = now() - interval '1 day' WHERE id = $1",
      [expired.id],
    );
    expect(await neutral(expired.token)).toEqual(wrong);

    const used = await issue((await aFollowUp()).followUpId);
    const phone = await aPhone();
    await phone.get(`/api/public/responses/${used.token}`);
    await phone.post(`/api/public/responses/${used.token}`, someAnswers());
    expect(await neutral(used.token)).toEqual(wrong);
  });

  it('expires 21 days after issue, and 2 hours after first opening when nothing was sent', async () => {
    const { followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    await sql(
      "UPDATE patient_links SET issued_at = now() - interval '21 days 1 minute', expires_at = now() - interval '1 minute' WHERE id = $1",
      [link.id],
    );
    expect((await (await aPhone()).get(`/api/public/responses/${link.token}`)).status).toBe(404);
    expect(await statusOf(followUpId)).toBe('expired');

    const second = await aFollowUp();
    const opened = await issue(second.followUpId);
    const phone = await aPhone();
    expect((await phone.get(`/api/public/responses/${opened.token}`)).status).toBe(200);
    await sql(
      "UPDATE patient_links SET issued_at = now() - interval '3 hours', first_opened_at = now() - interval '2 hours 1 minute' WHERE id = $1",
      [opened.id],
    );
    expect((await phone.post(`/api/public/responses/${opened.token}`, someAnswers())).status).toBe(404);
    expect(await statusOf(second.followUpId)).toBe('expired');
    expect(await sql('SELECT 1 FROM patient_responses WHERE patient_link_id = $1', [opened.id])).toHaveLength(
      0,
    );
  });

  it('shows the latest link’s status on the follow-up and in the worklist', async () => {
    const { admission, followUpId } = await aFollowUp();
    const followUpOf = async () =>
      (await nurse.get(`/api/admissions/${admission.id}/follow-ups`)).body.items.find(
        (item: { id: string }) => item.id === followUpId,
      );
    expect((await followUpOf()).patientLink).toBeNull();
    const link = await issue(followUpId);
    expect((await followUpOf()).patientLink).toMatchObject({ id: link.id, status: 'out', review: null });
    const phone = await aPhone();
    await phone.get(`/api/public/responses/${link.token}`);
    expect((await followUpOf()).patientLink.status).toBe('opened');
    await phone.post(`/api/public/responses/${link.token}`, someAnswers());
    expect((await followUpOf()).patientLink).toMatchObject({ status: 'answered', review: 'waiting' });
    const worklist = await nurse.get('/api/follow-ups');
    const entry = worklist.body.items.find(
      (item: { admission: { id: string } }) => item.admission.id === admission.id,
    );
    expect(entry.followUps.find((item: { id: string }) => item.id === followUpId).patientLink).toMatchObject({
      id: link.id,
      status: 'answered',
      review: 'waiting',
    });
  });

  it('revokes a link once, audited with who revoked it', async () => {
    const { followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    const revoked = await prescriber.post(`/api/patient-links/${link.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: link.id, status: 'revoked' });
    expect((await prescriber.post(`/api/patient-links/${link.id}/revoke`)).status).toBe(409);
    expect((await auditActions(link.id)).map((row) => row.action)).toEqual([
      'patient-link.issued',
      'patient-link.revoked',
    ]);
  });

  it('revokes the old link when a new one is issued for the same follow-up', async () => {
    const { followUpId } = await aFollowUp();
    const first = await issue(followUpId);
    const second = await issue(followUpId, prescriber);
    expect((await (await aPhone()).get(`/api/public/responses/${first.token}`)).status).toBe(404);
    expect((await (await aPhone()).get(`/api/public/responses/${second.token}`)).status).toBe(200);
    const [old] = await sql('SELECT revoked_reason FROM patient_links WHERE id = $1', [first.id]);
    expect(old.revoked_reason).toBe('reissued');
    const links = await nurse.get(`/api/follow-ups/${followUpId}/patient-links`);
    expect(links.body.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([
      [second.id, 'opened'],
      [first.id, 'revoked'],
    ]);
  });

  it('validates the answers as a clinician’s outcome and stores nothing when they do not fit', async () => {
    const { followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    const phone = await aPhone();
    const url = `/api/public/responses/${link.token}`;
    await phone.get(url);

    const outOfRange = await phone.post(url, someAnswers({ painNow: 11 }));
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors).toEqual([expect.objectContaining({ field: 'painNow' })]);
    const noEndDate = await phone.post(url, someAnswers({ benefitOngoing: false }));
    expect(noEndDate.status).toBe(422);
    expect(noEndDate.body.errors).toEqual([expect.objectContaining({ field: 'benefitEndedOn' })]);
    const beforeDischarge = await phone.post(
      url,
      someAnswers({
        benefitOngoing: false,
        benefitEndedOn: new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10),
      }),
    );
    expect(beforeDischarge.status).toBe(422);
    const notAsked = await phone.post(url, someAnswers({ method: 'phone', mrn: 'X' }));
    expect(notAsked.status).toBe(400);
    expect(await sql('SELECT 1 FROM patient_responses WHERE follow_up_id = $1', [followUpId])).toHaveLength(
      0,
    );

    // The link still works for a correct answer.
    expect((await phone.post(url, someAnswers())).status).toBe(200);
  });

  it('makes accepted answers the follow-up’s outcome, patient-reported, recorded by the reviewer', async () => {
    const { admission, followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    const phone = await aPhone();
    await phone.get(`/api/public/responses/${link.token}`);
    await phone.post(`/api/public/responses/${link.token}`, someAnswers());
    const waiting = (await nurse.get(`/api/follow-ups/${followUpId}/patient-links`)).body.waiting;
    expect(waiting).toMatchObject({ review: 'waiting', answers: { painNow: 3, pgic: 2 } });

    const accepted = await nurse.post(`/api/patient-responses/${waiting.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('done');
    expect(accepted.body.outcome).toMatchObject({
      method: 'patient-reported',
      painNow: 3,
      painWorstWeek: 5,
      pgic: 2,
      benefitOngoing: true,
      comment: 'Walking to the shops again',
      recordedBy: { id: nurseId },
    });
    const followUps = await nurse.get(`/api/admissions/${admission.id}/follow-ups`);
    expect(followUps.body.items[0].outcome.method).toBe('patient-reported');
    const [response] = await sql(
      'SELECT review, reviewed_by, outcome_id FROM patient_responses WHERE id = $1',
      [waiting.id],
    );
    expect(response).toEqual({
      review: 'accepted',
      reviewed_by: nurseId,
      outcome_id: accepted.body.outcome.id,
    });
    expect((await auditActions(waiting.id)).map((row) => row.action)).toEqual([
      'patient-link.submitted',
      'patient-response.accepted',
    ]);
    expect((await nurse.post(`/api/patient-responses/${waiting.id}/accept`)).status).toBe(409);
    expect((await nurse.post(`/api/follow-ups/${followUpId}/patient-links`)).status).toBe(409);
  });

  it('rejects answers with a reason, after which a new link may be issued', async () => {
    const { followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    const phone = await aPhone();
    await phone.get(`/api/public/responses/${link.token}`);
    await phone.post(`/api/public/responses/${link.token}`, someAnswers());
    const waiting = (await nurse.get(`/api/follow-ups/${followUpId}/patient-links`)).body.waiting;
    expect((await nurse.post(`/api/follow-ups/${followUpId}/patient-links`)).status).toBe(409);

    expect((await nurse.post(`/api/patient-responses/${waiting.id}/reject`, { reason: ' ' })).status).toBe(
      400,
    );
    const rejected = await nurse.post(`/api/patient-responses/${waiting.id}/reject`, {
      reason: 'Answers describe another treatment; will call',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      review: 'rejected',
      rejectionReason: 'Answers describe another treatment; will call',
    });
    const followUp = (await nurse.get(`/api/follow-ups/${followUpId}/patient-links`)).body;
    expect(followUp.waiting).toBeNull();
    expect(await sql('SELECT 1 FROM follow_up_outcomes WHERE follow_up_id = $1', [followUpId])).toHaveLength(
      0,
    );
    expect((await auditActions(waiting.id)).map((row) => row.action)).toEqual([
      'patient-link.submitted',
      'patient-response.rejected',
    ]);
    await issue(followUpId);
  });

  it('refuses issuing, revoking and reviewing to auditors and to callers who are not signed in', async () => {
    const { followUpId } = await aFollowUp();
    const auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
    expect((await auditor.post(`/api/follow-ups/${followUpId}/patient-links`)).status).toBe(403);
    expect((await auditor.get(`/api/follow-ups/${followUpId}/patient-links`)).status).toBe(403);
    const anonymous = await aPhone();
    expect((await anonymous.post(`/api/follow-ups/${followUpId}/patient-links`)).status).toBe(401);
    const link = await issue(followUpId);
    expect((await auditor.post(`/api/patient-links/${link.id}/revoke`)).status).toBe(403);
    expect((await anonymous.post(`/api/patient-links/${link.id}/revoke`)).status).toBe(401);
  });

  it('refuses a public submission without the anonymous CSRF token', async () => {
    const { followUpId } = await aFollowUp();
    const link = await issue(followUpId);
    const response = await request(testApp.http)
      .post(`/api/public/responses/${link.token}`)
      .send(someAnswers());
    expect(response.status).toBe(403);
  });

  describe('rate limits', () => {
    it(`refuses more than ${MAX_REQUESTS_PER_TOKEN} requests with one token within 15 minutes`, async () => {
      const { followUpId } = await aFollowUp();
      const link = await issue(followUpId);
      const phone = await aPhone();
      for (let i = 0; i < MAX_REQUESTS_PER_TOKEN; i += 1) {
        expect((await phone.get(`/api/public/responses/${link.token}`)).status).toBe(200);
      }
      const limited = await phone.get(`/api/public/responses/${link.token}`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it(`refuses an address after ${MAX_UNUSABLE_REQUESTS_PER_ADDRESS} unusable tokens, even with a good one`, async () => {
      const { followUpId } = await aFollowUp();
      const link = await issue(followUpId);
      const phone = await aPhone();
      for (let i = 0; i < MAX_UNUSABLE_REQUESTS_PER_ADDRESS; i += 1) {
        expect((await phone.get(`/api/public/responses/${newPatientLinkToken()}`)).status).toBe(404);
      }
      expect((await phone.get(`/api/public/responses/${newPatientLinkToken()}`)).status).toBe(429);
      expect((await phone.get(`/api/public/responses/${link.token}`)).status).toBe(429);
    });
  });

  it('undoes its migration cleanly and applies it again', async () => {
    const scratch = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(scratch.url));
    await dataSource.initialize();
    const tables = async () =>
      (
        await dataSource.query(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('patient_links', 'patient_responses', 'patient_link_requests')",
        )
      )[0].n;
    try {
      expect(await tables()).toBe(3);
      const applied = async () =>
        (
          await dataSource.query(
            "SELECT 1 FROM schema_migrations WHERE name = 'AddPatientLinks1764500000000'",
          )
        ).length;
      while (await applied()) await dataSource.undoLastMigration();
      expect(await tables()).toBe(0);
      await dataSource.runMigrations();
      expect(await tables()).toBe(3);
    } finally {
      await dataSource.destroy();
      await scratch.drop();
    }
  });
});
