import pg from 'pg';
import { ApiClient, aUser } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('infusion orders', () => {
  let testApp: TestApp;
  let db: pg.Client;
  let prescriber: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp();
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  const ordersOf = async (admissionId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM infusion_orders WHERE admission_id = $1', [admissionId]))
      .rows[0].n;

  it.each([
    [{ value: 0.1234, unit: 'mg/kg/h' }],
    [{ value: 8, unit: 'mg/h' }],
    [{ value: 1.5, unit: 'mcg/kg/min' }],
    [{ value: 4.25, unit: 'mL/h' }],
  ])('stores and returns %j exactly as entered, with no derived dose anywhere', async (rate) => {
    const admission = await anAdmittedPatient(prescriber);
    const response = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(1, { rate, maxRate: undefined }),
    );
    expect(response.status).toBe(201);
    expect(response.body.admission.currentOrder.rate).toEqual(rate);
    expect(response.body.admission.currentOrder.concentration).toEqual({ value: 2, unit: 'mg/mL' });
    const detail = await prescriber.get(`/api/admissions/${admission.id}`);
    expect(detail.body.currentOrder.rate).toEqual(rate);
    // Nothing computed from weight, concentration or rate: no dose, mL/h or mg/h the prescriber did not type.
    expect(JSON.stringify(detail.body)).not.toMatch(
      /"(dose|doseRate|mgPerHour|mlPerHour|derived\w*|calculated\w*|converted\w*)"/i,
    );
    const numbers = JSON.stringify(detail.body.currentOrder).match(/-?\d+(\.\d+)?(?=[,}])/g) ?? [];
    for (const number of numbers) expect([String(rate.value), '2', '0.05', '60']).toContain(number);
  });

  it.each([
    ['a negative rate', { rate: { value: -0.1, unit: 'mg/kg/h' } }, 'rate.value'],
    ['a zero rate', { rate: { value: 0, unit: 'mg/kg/h' } }, 'rate.value'],
    ['NaN as text', { rate: { value: 'NaN', unit: 'mg/kg/h' } }, 'rate.value'],
    ['a huge rate', { rate: { value: 1e12, unit: 'mg/kg/h' } }, 'rate.value'],
    ['five decimals', { rate: { value: 0.12345, unit: 'mg/kg/h' } }, 'rate.value'],
    ['a rate as a string', { rate: { value: '0.1', unit: 'mg/kg/h' } }, 'rate.value'],
    ['a unit outside the list', { rate: { value: 0.1, unit: 'mg/kg/day' } }, 'rate.unit'],
    ['no rate', { rate: undefined }, 'rate'],
    ['an extra field', { dose: 5 }, 'dose'],
    ['an extra nested field', { rate: { value: 0.1, unit: 'mg/kg/h', perKg: true } }, 'rate.perKg'],
    ['a wrong route', { route: 'oral' }, 'route'],
    ['a zero concentration', { concentration: { value: 0, unit: 'mg/mL' } }, 'concentration.value'],
    ['no reason', { reason: '' }, 'reason'],
    ['a time that is not a time', { effectiveFrom: 'at two' }, 'effectiveFrom'],
    ['a rate above the same order’s maximum', { rate: { value: 0.5, unit: 'mg/kg/h' } }, 'rate.value'],
  ])('rejects %s with 400 naming the field and stores nothing', async (_name, change, field) => {
    const admission = await anAdmittedPatient(prescriber);
    const response = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(1, change),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await ordersOf(admission.id)).toBe(0);
  });

  it('supersedes: the newest valid order is current; entered-in-error brings the previous one back', async () => {
    const admission = await anAdmittedPatient(prescriber);
    const first = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).body;
    const second = (
      await prescriber.post(
        `/api/admissions/${admission.id}/infusion-orders`,
        anOrder(first.admission.version, {
          rate: { value: 0.15, unit: 'mg/kg/h' },
          effectiveFrom: new Date().toISOString(),
          reason: 'Tolerating well',
        }),
      )
    ).body;
    expect(second.admission.currentOrder.id).toBe(second.id);
    expect(second.admission.orders.map((order: { id: string }) => order.id)).toEqual([second.id, first.id]);

    const noReason = await prescriber.post(`/api/infusion-orders/${second.id}/entered-in-error`, {
      version: second.admission.version,
    });
    expect(noReason.status).toBe(400);
    const corrected = await prescriber.post(`/api/infusion-orders/${second.id}/entered-in-error`, {
      version: second.admission.version,
      reason: 'Wrong patient’s chart',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body.currentOrder.id).toBe(first.id);
    expect(corrected.body.orders).toHaveLength(2);
    expect(corrected.body.orders[0]).toMatchObject({
      id: second.id,
      enteredInError: { reason: 'Wrong patient’s chart' },
    });
    const again = await prescriber.post(`/api/infusion-orders/${second.id}/entered-in-error`, {
      version: corrected.body.version,
      reason: 'twice',
    });
    expect(again.status).toBe(409);
  });

  it('refuses a rate above the current maximum unless the prescriber gives a reason', async () => {
    const admission = await anAdmittedPatient(prescriber);
    const first = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).body;
    const above = anOrder(first.admission.version, {
      rate: { value: 0.35, unit: 'mg/kg/h' },
      maxRate: undefined,
    });
    const refused = await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, above);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/above-maximum-rate');
    expect(refused.body.maximumRate).toEqual({ value: 0.3, unit: 'mg/kg/h' });
    const overridden = await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, {
      ...above,
      overMaxReason: 'Discussed with consultant',
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.maximumRateCheck).toBe('above');
    expect(overridden.body.admission.currentOrder.overMaxReason).toBe('Discussed with consultant');
  });

  it('says a maximum in another unit cannot be compared, and converts nothing', async () => {
    const admission = await anAdmittedPatient(prescriber);
    const first = (await prescriber.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).body;
    const otherUnit = await prescriber.post(
      `/api/admissions/${admission.id}/infusion-orders`,
      anOrder(first.admission.version, {
        rate: { value: 40, unit: 'mg/h' },
        maxRate: undefined,
        increment: undefined,
      }),
    );
    expect(otherUnit.status).toBe(201);
    expect(otherUnit.body.maximumRateCheck).toBe('not-comparable');
    expect(otherUnit.body.admission.currentOrder.rate).toEqual({ value: 40, unit: 'mg/h' });
  });

  it('lets only prescribers write orders', async () => {
    const admission = await anAdmittedPatient(prescriber);
    const nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
    expect((await nurse.post(`/api/admissions/${admission.id}/infusion-orders`, anOrder(1))).status).toBe(
      403,
    );
  });
});
