import pg from 'pg';
import { ApiClient, aUser } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { aPatient, anAdmission } from '../testing/clinical-factories.js';

describe('the audit trail', () => {
  let testApp: TestApp;
  let db: pg.Client;
  let admin: ApiClient;
  let auditor: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp();
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    admin = await ApiClient.signedIn(testApp, (await aUser(testApp, ['admin'])).username);
    auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  it.each([
    ['UPDATE', "UPDATE audit_events SET action = 'tampered'"],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('is refused %s inside PostgreSQL', async (_operation, sql) => {
    const before = (await db.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n;
    expect(before).toBeGreaterThan(0);
    await expect(db.query(sql)).rejects.toThrow(/append-only/);
    const after = await db.query(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE action = 'tampered')::int AS tampered FROM audit_events",
    );
    expect(after.rows[0]).toEqual({ n: before, tampered: 0 });
  });

  it('records a write with who, when, the request id and the change, without secrets', async () => {
    const response = await admin.post('/api/users', {
      username: 'new-nurse-audit',
      displayName: 'New Nurse',
      roles: ['nurse'],
      password: 'a long enough password',
    });
    expect(response.status).toBe(201);
    const page = await admin.get(`/api/audit-events?action=user.created`);
    const event = page.body.items.find((item: { entityId: string }) => item.entityId === response.body.id);
    expect(event).toMatchObject({
      action: 'user.created',
      entityType: 'user',
      requestId: response.headers['x-request-id'],
      change: { before: null, after: { username: 'new-nurse-audit', roles: ['nurse'], active: true } },
    });
    expect(event.userDisplayName).toMatch(/^Test admin/);
    expect(new Date(event.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(event.change)).not.toMatch(/password_hash|passwordHash|argon2/);
  });

  it('writes no audit row when the write itself fails (same transaction)', async () => {
    const count = async () =>
      (await db.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.created'")).rows[0].n;
    const before = await count();
    const duplicate = await admin.post('/api/users', {
      username: 'new-nurse-audit',
      displayName: 'Same name again',
      roles: ['nurse'],
      password: 'a long enough password',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.type).toBe('/problems/username-taken');
    expect(await count()).toBe(before);
  });

  it('filters by user and action and pages with a cursor, newest first', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    for (let i = 0; i < 3; i += 1) await ApiClient.signedIn(testApp, nurse.username);
    const first = await auditor.get(`/api/audit-events?userId=${nurse.id}&action=auth.sign-in&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await auditor.get(
      `/api/audit-events?userId=${nurse.id}&action=auth.sign-in&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => Number(item.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const prefix = await auditor.get(`/api/audit-events?userId=${nurse.id}&action=auth.`);
    expect(prefix.body.items).toHaveLength(3);
  });

  it('filters by time range', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = await auditor.get(`/api/audit-events?from=${encodeURIComponent(future)}`);
    expect(none.body.items).toEqual([]);
    const bad = await auditor.get('/api/audit-events?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
  });

  describe('names instead of ids', () => {
    let patientId: string;
    let admissionId: string;
    let mrn: string;

    beforeAll(async () => {
      const prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
      const patient = await prescriber.post(
        '/api/patients',
        aPatient({ familyName: 'Okafor', givenName: 'Ada' }),
      );
      patientId = patient.body.id;
      mrn = patient.body.mrn;
      admissionId = (await prescriber.post('/api/admissions', anAdmission(patientId))).body.id;
    });

    it("shows an admin the patient each event is about, by the patient's record or an admission", async () => {
      const page = await admin.get(`/api/audit-events?patientId=${patientId}`);
      expect(page.status).toBe(200);
      const actions = page.body.items.map((item: { action: string }) => item.action);
      expect(actions).toEqual(expect.arrayContaining(['patient.created', 'admission.created']));
      for (const item of page.body.items) {
        expect(item.patient).toEqual({ id: patientId, mrn, familyName: 'Okafor', givenName: 'Ada' });
      }
      const admissionEvent = page.body.items.find(
        (item: { admissionId: string }) => item.admissionId === admissionId,
      );
      expect(admissionEvent.change).not.toBeNull();
    });

    it("gives one record's history by its kind and id", async () => {
      const page = await auditor.get(`/api/audit-events?entityType=admission&entityId=${admissionId}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeGreaterThan(0);
      for (const item of page.body.items) {
        expect(item).toMatchObject({ entityType: 'admission', entityId: admissionId, admissionId });
      }
      const byKind = await auditor.get(`/api/audit-events?entityType=patient&entityId=${patientId}`);
      expect(byKind.body.items.map((item: { action: string }) => item.action)).toEqual(['patient.created']);
      for (const bad of ['entityType=Observation%20Set', `entityId=${'x'.repeat(101)}`, 'entityId=']) {
        const refused = await auditor.get(`/api/audit-events?${bad}`);
        expect(refused.status).toBe(400);
        expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('never shows an auditor who the patient is, nor a change that may name them', async () => {
      const page = await auditor.get(`/api/audit-events?patientId=${patientId}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeGreaterThanOrEqual(2);
      for (const item of page.body.items) {
        expect(item.patient).toBeNull();
        expect(item.change).toBeNull();
      }
      expect(JSON.stringify(page.body)).not.toMatch(/Okafor|Ada/);
      expect(JSON.stringify(page.body)).not.toContain(mrn);
    });

    it('names the user an event is about, and lists users to pick from', async () => {
      const made = await admin.post('/api/users', {
        username: `named-${process.pid}`,
        displayName: 'Sister Named',
        roles: ['nurse'],
        password: 'a long enough password',
      });
      const page = await auditor.get(`/api/audit-events?action=user.created`);
      const event = page.body.items.find((item: { entityId: string }) => item.entityId === made.body.id);
      expect(event.entityDisplayName).toBe('Sister Named');

      const users = await auditor.get('/api/audit-events/users');
      expect(users.status).toBe(200);
      expect(users.body.items).toEqual(
        expect.arrayContaining([
          { id: made.body.id, username: `named-${process.pid}`, displayName: 'Sister Named' },
        ]),
      );
      expect(JSON.stringify(users.body)).not.toMatch(/password|hash/i);
    });

    it('finds patients by MRN or name for an admin, and refuses an auditor and an empty search', async () => {
      const byName = await admin.get('/api/audit-events/patients?q=okaf');
      expect(byName.status).toBe(200);
      expect(byName.body.items).toEqual(
        expect.arrayContaining([{ id: patientId, mrn, familyName: 'Okafor', givenName: 'Ada' }]),
      );
      const byMrn = await admin.get(`/api/audit-events/patients?q=${encodeURIComponent(mrn)}`);
      expect(byMrn.body.items.map((item: { id: string }) => item.id)).toContain(patientId);
      expect((await auditor.get('/api/audit-events/patients?q=okaf')).status).toBe(403);
      const empty = await admin.get('/api/audit-events/patients?q=');
      expect(empty.status).toBe(400);
      expect(empty.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses a patient filter that is not an id', async () => {
      const bad = await admin.get('/api/audit-events?patientId=Okafor');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('patientId');
    });
  });

  it('exports CSV: admins get the change, auditors a de-identified file without it', async () => {
    const adminCsv = await admin.get('/api/exports/audit-events.csv?action=user.created');
    expect(adminCsv.status).toBe(200);
    expect(adminCsv.headers['content-type']).toMatch(/^text\/csv/);
    const [adminHeader, ...adminRows] = adminCsv.text.trim().split('\r\n');
    expect(adminHeader).toBe(
      'id,occurredAt,userId,userDisplayName,action,entityType,entityId,admissionId,requestId,clientAddress,change',
    );
    expect(adminRows.some((row) => row.includes('new-nurse-audit'))).toBe(true);

    const auditorCsv = await auditor.get('/api/exports/audit-events.csv?action=user.created');
    expect(auditorCsv.text.split('\r\n')[0]).not.toContain('change');
    expect(auditorCsv.text).not.toContain('new-nurse-audit');
  });

  it('neutralises spreadsheet formulas in exported cells', async () => {
    await admin.post('/api/users', {
      username: 'formula-user',
      displayName: '=HYPERLINK("http://evil.example","click")',
      roles: ['nurse'],
      password: 'a long enough password',
    });
    // Their display name lands in the userDisplayName cell when they sign in.
    await ApiClient.signedIn(testApp, 'formula-user', 'a long enough password');
    const csv = await admin.get('/api/exports/audit-events.csv?action=auth.sign-in');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
