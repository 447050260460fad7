import pg from 'pg';
import { ApiClient, aUser } from '../testing/api-client.js';
import { aPatient, anAdmission, anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('patients and admissions', () => {
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

  it('registers a patient once per MRN, whatever its case', async () => {
    const body = aPatient();
    expect((await prescriber.post('/api/patients', body)).status).toBe(201);
    const again = await prescriber.post('/api/patients', { ...body, mrn: body.mrn.toLowerCase() });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/mrn-taken');
  });

  it('finds patients by MRN or name prefix, ignoring case and accents', async () => {
    const created = (
      await prescriber.post('/api/patients', aPatient({ familyName: 'Ðặng-Østergård', givenName: 'Zoë' }))
    ).body;
    for (const q of ['dang', 'DANG-OST', 'zoe', created.mrn.slice(0, 5).toLowerCase(), 'dang, zo']) {
      const found = await nurse.get(`/api/patients?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((patient: { id: string }) => patient.id)).toContain(created.id);
    }
    expect((await nurse.get('/api/patients?q=%25')).body.items).toEqual([]);
  });

  it('allows one open admission per patient', async () => {
    const patient = (await prescriber.post('/api/patients', aPatient())).body;
    expect((await prescriber.post('/api/admissions', anAdmission(patient.id))).status).toBe(201);
    const second = await prescriber.post('/api/admissions', anAdmission(patient.id, { bed: '3' }));
    expect(second.status).toBe(409);
    expect(second.body.type).toBe('/problems/open-admission-exists');
  });

  it('keeps the weight and baseline as entered and records consent', async () => {
    const admission = await anAdmittedPatient(prescriber, {
      weightKg: 81.3,
      baselinePain: 7,
      baselineBpiInterference: 6.4,
    });
    const detail = (await nurse.get(`/api/admissions/${admission.id}`)).body;
    expect(detail.observationSchedule).toEqual({
      routineMinutes: 240,
      intensifiedMinutes: 30,
      intensifiedForMinutes: 120,
      setBy: null,
      setAt: null,
    });
    expect(detail).toMatchObject({
      weightKg: 81.3,
      baselinePain: 7,
      baselineBpiInterference: 6.4,
      status: 'admitted',
      version: 1,
    });
    expect(detail.consentRecordedAt).toEqual(expect.any(String));
    expect(detail.staff).toEqual([
      { id: detail.consentRecordedBy, displayName: expect.stringMatching(/^Test prescriber/) },
    ]);
    const viewed = await db.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.viewed' AND admission_id = $1",
      [admission.id],
    );
    expect(viewed.rows[0].n).toBe(1);
  });

  it('rejects an "other" indication without its text, and a nurse admitting', async () => {
    const patient = (await prescriber.post('/api/patients', aPatient())).body;
    const noText = await prescriber.post('/api/admissions', anAdmission(patient.id, { indication: 'other' }));
    expect(noText.status).toBe(400);
    expect(noText.body.errors[0].field).toBe('indicationOther');
    expect((await nurse.post('/api/admissions', anAdmission(patient.id))).status).toBe(403);
  });

  describe('the status machine', () => {
    it('walks admitted → infusing ⇄ paused → infusion-stopped → discharged', async () => {
      let admission = await anAdmittedPatient(prescriber);
      admission = (
        await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(admission.version))
      ).body.admission;
      const step = async (client: ApiClient, body: Record<string, unknown>) => {
        const response = await client.post(`/api/admissions/${admission.id}/infusion-events`, {
          version: admission.version,
          ...body,
        });
        expect(response.status).toBe(201);
        admission = response.body;
      };
      await step(prescriber, { type: 'start' });
      expect(admission.status).toBe('infusing');
      await step(nurse, { type: 'pause', reason: 'POSS 3: over-sedation' });
      expect(admission.status).toBe('paused');
      await step(prescriber, { type: 'resume' });
      await step(prescriber, { type: 'stop' });
      expect(admission.status).toBe('infusion-stopped');
      const discharged = await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
        version: admission.version,
        summary: 'Pain 4/10 at discharge',
        painAtDischarge: 4,
        pgicAtDischarge: 2,
      });
      expect(discharged.status).toBe(200);
      expect(discharged.body).toMatchObject({
        status: 'discharged',
        dischargeSummary: 'Pain 4/10 at discharge',
        painAtDischarge: 4,
        pgicAtDischarge: 2,
        pgicWording: 'pgic-7-point-v1',
      });
      expect(discharged.body.events.map((event: { type: string }) => event.type)).toEqual([
        'start',
        'pause',
        'resume',
        'stop',
      ]);
      const audited = await db.query('SELECT action FROM audit_events WHERE admission_id = $1 ORDER BY id', [
        admission.id,
      ]);
      expect(audited.rows.map((row) => row.action)).toEqual([
        'admission.created',
        'infusion-order.created',
        'infusion.start',
        'infusion.pause',
        'infusion.resume',
        'infusion.stop',
        'admission.discharge',
      ]);
    });

    it.each([
      ['resume', 'admitted'],
      ['pause', 'admitted'],
      ['stop', 'admitted'],
    ])('refuses %s when %s with a 409 that says why', async (type, status) => {
      const admission = await anAdmittedPatient(prescriber);
      const response = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: admission.version,
        type,
        reason: 'x',
      });
      expect(response.status).toBe(409);
      expect(response.body.type).toBe('/problems/illegal-transition');
      expect(response.body.detail).toContain(`Cannot ${type} an admission that is ${status}`);
    });

    it('refuses to start without an order, a nurse starting, and a pause without a reason', async () => {
      const admission = await anAdmittedPatient(prescriber);
      const noOrder = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: 1,
        type: 'start',
      });
      expect(noOrder.status).toBe(409);
      const ordered = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1)))
        .body.admission;
      expect(
        (
          await nurse.post(`/api/admissions/${admission.id}/infusion-events`, {
            version: ordered.version,
            type: 'start',
          })
        ).status,
      ).toBe(403);
      const started = (
        await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
          version: ordered.version,
          type: 'start',
        })
      ).body;
      const noReason = await nurse.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: started.version,
        type: 'pause',
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
    });

    it('discharges an admission whose infusion never started only with a reason, and refuses it while infusing', async () => {
      const admission = await anAdmittedPatient(prescriber);
      const noReason = await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
        version: 1,
        summary: 'Declined',
      });
      expect(noReason.status).toBe(400);
      expect(
        (
          await prescriber.post(`/api/admissions/${admission.id}/discharge`, {
            version: 1,
            summary: 'Declined',
            reason: 'Patient declined the infusion',
          })
        ).status,
      ).toBe(200);

      let other = await anAdmittedPatient(prescriber);
      other = (await prescriber.post(`/api/admissions/${other.id}/infusion-orders`, anOrder(1))).body
        .admission;
      other = (
        await prescriber.post(`/api/admissions/${other.id}/infusion-events`, {
          version: other.version,
          type: 'start',
        })
      ).body;
      const whileInfusing = await prescriber.post(`/api/admissions/${other.id}/discharge`, {
        version: other.version,
        summary: 'x',
        reason: 'y',
      });
      expect(whileInfusing.status).toBe(409);
      expect(whileInfusing.body.detail).toMatch(/Cannot discharge an admission that is infusing/);
    });

    it('cancels only a planned admission', async () => {
      const planned = await anAdmittedPatient(prescriber, { planned: true });
      expect(planned.status).toBe('planned');
      const cancelled = await prescriber.post(`/api/admissions/${planned.id}/cancel`, {
        version: 1,
        reason: 'Bed not available',
      });
      expect(cancelled.body.status).toBe('cancelled');
      const admitted = await anAdmittedPatient(prescriber);
      expect(
        (await prescriber.post(`/api/admissions/${admitted.id}/cancel`, { version: 1, reason: 'x' })).status,
      ).toBe(409);
    });

    it('starts the stay when a planned patient arrives', async () => {
      const booked = new Date(Date.now() - 3 * 86_400_000).toISOString();
      const planned = await anAdmittedPatient(prescriber, { planned: true, admittedAt: booked });
      const arrived = await prescriber.post(`/api/admissions/${planned.id}/admit`, { version: 1 });
      expect(arrived.body.status).toBe('admitted');
      expect(Date.now() - new Date(arrived.body.admittedAt).getTime()).toBeLessThan(60_000);
    });
  });

  it('records retrospective times, never future ones or ones before admission', async () => {
    let admission = await anAdmittedPatient(prescriber);
    admission = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).body
      .admission;
    const before = new Date(new Date(admission.admittedAt).getTime() - 60_000).toISOString();
    const tooEarly = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: admission.version,
      type: 'start',
      occurredAt: before,
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.errors[0].field).toBe('occurredAt');
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(
      (
        await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
          version: admission.version,
          type: 'start',
          occurredAt: future,
        })
      ).status,
    ).toBe(400);
    const earlier = new Date(Date.now() - 30 * 60_000).toISOString();
    const started = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
      version: admission.version,
      type: 'start',
      occurredAt: earlier,
    });
    expect(started.body.events[0].occurredAt).toBe(earlier);
    expect(new Date(started.body.events[0].recordedAt).getTime()).toBeGreaterThan(
      new Date(earlier).getTime(),
    );
  });

  it('moves a bed and corrects the weight with the version, auditing before and after', async () => {
    const admission = await anAdmittedPatient(prescriber);
    const moved = await prescriber.patch(`/api/admissions/${admission.id}`, {
      version: 1,
      bed: '7A',
      weightKg: 70.2,
      weightMeasuredOn: '2026-11-24',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      bed: '7A',
      weightKg: 70.2,
      weightMeasuredOn: '2026-11-24',
      version: 2,
    });
    const stale = await prescriber.patch(`/api/admissions/${admission.id}`, { version: 1, bed: '9' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.bed).toBe('7A');
    const { rows } = await db.query(
      "SELECT change FROM audit_events WHERE action = 'admission.updated' AND admission_id = $1",
      [admission.id],
    );
    expect(rows[0].change).toMatchObject({ before: { bed: '12B' }, after: { bed: '7A' } });
    expect((await nurse.patch(`/api/admissions/${admission.id}`, { version: 2, bed: '1' })).status).toBe(403);
    expect(
      (await prescriber.patch(`/api/admissions/${admission.id}`, { version: 2, status: 'discharged' }))
        .status,
    ).toBe(400);
  });

  it('refuses a stale write with 409 and the current state', async () => {
    const admission = await anAdmittedPatient(prescriber);
    const other = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    expect((await other.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).status).toBe(
      201,
    );
    const stale = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(1, { rate: { value: 0.2, unit: 'mg/kg/h' } }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('/problems/stale-version');
    expect(stale.body.current).toMatchObject({
      id: admission.id,
      version: 2,
      currentOrder: { rate: { value: 0.1, unit: 'mg/kg/h' } },
    });
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM infusion_orders WHERE admission_id = $1',
      [admission.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
