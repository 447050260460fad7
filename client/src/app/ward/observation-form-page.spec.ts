import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, choose, field, link, select, settle, text, toggle, type } from '../../testing/dom';
import { FakeClock } from '../../testing/fake-clock';
import { aPatient, aUser, anAdmission, anOrder } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { Admission, ObservationSet } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { ObservationFormPage } from './observation-form-page';

const SETS_URL = (admissionId: string) => `/api/admissions/${admissionId}/observation-sets`;

function anObservationSet(overrides: Partial<ObservationSet> = {}): ObservationSet {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    admissionId: 'admission-1',
    takenAt: '2025-07-01T09:00:00.000Z',
    respirationRate: 16,
    spo2: 97,
    spo2Scale: 1,
    supplementalOxygen: false,
    oxygenDevice: null,
    systolicBp: 124,
    diastolicBp: 78,
    pulse: 72,
    consciousness: 'alert',
    temperatureC: 36.8,
    sedation: '1',
    painScore: 3,
    sideEffects: {},
    pumpRate: { value: 0.15, unit: 'mg/kg/h' },
    comment: null,
    partialReason: null,
    partialReasonText: null,
    confirmedReadings: [],
    news2: {
      complete: true,
      total: 0,
      parameters: {
        respirationRate: 0,
        spo2: 0,
        supplementalOxygen: 0,
        systolicBp: 0,
        pulse: 0,
        consciousness: 0,
        temperatureC: 0,
      },
      anySingleParameterThree: false,
      response: 'low',
      missing: [],
    },
    flags: [],
    recordedBy: 'nurse-1',
    recordedByName: 'Sam Nguyen (RN)',
    recordedAt: '2025-07-01T09:00:01.000Z',
    enteredInError: null,
    ...overrides,
  };
}

describe('ObservationFormPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ObservationFormPage>;
  let page: HTMLElement;

  beforeEach(async () => {
    // The fake clock reads 1 July 2025, 09:00 UTC: 10:00 on a London ward.
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: Clock, useValue: new FakeClock() }],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
    await signInAs(aUser({ roles: ['nurse'] }));
  });

  afterEach(() => http.verify());

  function infusing(overrides: Partial<Admission> = {}): Admission {
    return anAdmission({
      status: 'infusing',
      bed: '12B',
      ward: 'Ward 7 Pain Unit',
      patient: aPatient({ familyName: 'Nguyen', givenName: 'Thi Mai', mrn: 'MRN-004211' }),
      currentOrder: anOrder({
        drug: 'ketamine',
        concentration: { value: 2, unit: 'mg/mL' },
        rate: { value: 0.15, unit: 'mg/kg/h' },
        effectiveFrom: '2025-07-01T08:00:00.000Z',
      }),
      ...overrides,
    });
  }

  async function openFor(admission: Admission) {
    fixture = TestBed.createComponent(ObservationFormPage);
    page = fixture.nativeElement;
    fixture.componentRef.setInput('admissionId', admission.id);
    await fixture.whenStable();
    http.expectOne(`/api/admissions/${admission.id}`).flush(admission);
    await settle(fixture);
  }

  async function fill(values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      type(field(page, label), value);
    }
    await fixture.whenStable();
  }

  async function pick(label: string) {
    toggle(page, label).click();
    await fixture.whenStable();
  }

  /** The items that used to be preselected, answered as a nurse does for a well patient. */
  async function answerChoices() {
    await pick('Air');
    await pick('Alert');
    await pick('None');
  }

  const aFullSet = {
    'Respiration rate': '22',
    SpO2: '95',
    'Systolic BP': '105',
    'Diastolic BP': '70',
    Pulse: '95',
    Temperature: '36.5',
    'Pain (NRS 0-10)': '4',
    'Pump rate shown': '0.15',
  };

  /** The radio button of one grade in the row of one side effect, found by their words. */
  function sideEffectGrade(effect: string, grade: string): HTMLInputElement {
    const row = Array.from(page.querySelectorAll('[role="radiogroup"]')).find(
      (group) => text(group.querySelector(`#${group.getAttribute('aria-labelledby')}`)) === effect,
    );
    const cell = Array.from(row?.querySelectorAll('label') ?? []).find((label) => text(label) === grade);
    const input = cell?.querySelector('input');
    if (!input) {
      throw new Error(`No grade ${grade} for ${effect}`);
    }
    return input;
  }

  function live(): string {
    return text(page.querySelector('.live-region'));
  }

  async function save(): Promise<TestRequest> {
    button(page, 'Save observations').click();
    await fixture.whenStable();
    return http.expectOne(SETS_URL(admissionIdOf()));
  }

  let current: Admission;
  const admissionIdOf = () => current.id;

  async function openInfusing(overrides: Partial<Admission> = {}) {
    current = infusing(overrides);
    await openFor(current);
  }

  it('shows the patient, the bed and the ordered rate in large type, and starts in the respiration rate', async () => {
    await openInfusing();

    expect(text(page.querySelector('.patient-header'))).toContain('NGUYEN, Thi Mai');
    expect(text(page.querySelector('.patient-header'))).toContain('Bed 12B');
    expect(text(page.querySelector('.order-rate'))).toBe('0.15 mg/kg/h');
    expect(text(page.querySelector('.order'))).toContain('Ketamine 2 mg/mL IV, ordered from 09:00');
    expect(document.activeElement).toBe(field(page, 'Respiration rate'));
  });

  it('never fills in the pump rate from the order, only its unit', async () => {
    await openInfusing();

    expect(field(page, 'Pump rate shown').value).toBe('');
    expect(select(page, 'Pump unit').value).toBe('mg/kg/h');
  });

  it('scores NEWS2 from what is typed, per parameter, and says what is missing', async () => {
    await openInfusing();
    expect(live()).toContain(
      'Incomplete: missing respiration rate, SpO2, air or oxygen, systolic BP, pulse, consciousness and temperature',
    );
    await pick('Air');
    await pick('Alert');

    await fill({ 'Respiration rate': '22', SpO2: '95', 'Systolic BP': '105', Pulse: '95' });
    expect(live()).toContain('NEWS2 Incomplete');
    expect(live()).toContain('Incomplete: missing temperature');
    expect(live()).toContain('Respiration rate 2');
    expect(live()).toContain('Temperature missing');

    await fill({ Temperature: '36.5' });
    // 2 (RR 22) + 1 (SpO2 95) + 1 (systolic 105) + 1 (pulse 95) = 5
    expect(live()).toContain('NEWS2 5 – medium');
    expect(live()).toContain('Urgent response: observations at least hourly');

    await pick('Oxygen');
    expect(live()).toContain('NEWS2 7 – high');
  });

  it('flags unacceptable sedation and a pump rate that differs from the order before saving', async () => {
    await openInfusing();
    await fill(aFullSet);
    await answerChoices();
    expect(live()).toContain('The pump shows the ordered rate, 0.15 mg/kg/h.');
    expect(live()).not.toContain('Pump check discrepancy');

    await pick('3 Frequently drowsy, drifts off mid-conversation');
    expect(text(page.querySelector('fieldset [role="alert"]'))).toBe(
      'Unacceptable sedation: pause the infusion and call the prescriber',
    );
    expect(live()).toContain('Unacceptable sedation (POSS 3-4): pause the infusion and call the prescriber');

    await fill({ 'Pump rate shown': '1.5' });
    expect(live()).toContain('Pump check discrepancy');
    expect(live()).toContain('The pump shows 1.5 mg/kg/h but the order is 0.15 mg/kg/h.');

    await fill({ 'Pump rate shown': '0.15' });
    choose(select(page, 'Pump unit'), 'mg/h');
    await fixture.whenStable();
    expect(live()).toContain('Pump check discrepancy');
  });

  it('posts numbers as numbers with an Idempotency-Key, and confirms with the stored NEWS2 and flags', async () => {
    await openInfusing();
    await fill({ ...aFullSet, Comment: '  Comfortable  ' });
    await answerChoices();
    await pick('1 Awake and alert');

    const request = await save();
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.request.body).toEqual({
      respirationRate: 22,
      spo2: 95,
      spo2Scale: 1,
      supplementalOxygen: false,
      systolicBp: 105,
      diastolicBp: 70,
      pulse: 95,
      consciousness: 'alert',
      temperatureC: 36.5,
      sedation: '1',
      painScore: 4,
      sideEffects: {
        nausea: 'none',
        vomiting: 'none',
        dizziness: 'none',
        visualDisturbance: 'none',
        nystagmus: 'none',
        vividDreams: 'none',
        hallucinations: 'none',
        dissociation: 'none',
        agitation: 'none',
        hypersalivation: 'none',
        urinarySymptoms: 'none',
      },
      pumpRate: { value: 0.15, unit: 'mg/kg/h' },
      comment: 'Comfortable',
    });
    expect(button(page, 'Saving…').disabled).toBe(true);

    request.flush(
      anObservationSet({
        takenAt: '2025-07-01T09:00:00.000Z',
        news2: { ...anObservationSet().news2, total: 5, response: 'medium' },
        flags: ['news2-medium', 'severe-side-effect'],
      }),
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);

    expect(text(page.querySelector('[role="status"]'))).toBe('Observations saved for NGUYEN, Thi Mai.');
    const confirmation = text(page.querySelector('.confirmation'));
    expect(confirmation).toContain('Saved: taken at 1 Jul 2025, 10:00:00 BST');
    expect(confirmation).toContain('NEWS2 5 – medium');
    expect(confirmation).toContain('Severe side effect');
    const back = link(page, 'Back to the ward board');
    expect(back.getAttribute('href')).toBe('/ward?ward=Ward%207%20Pain%20Unit');
    expect(document.activeElement).toBe(back);
    expect(page.querySelector('form')).toBeNull();
  });

  it('saves when Enter is pressed in a field, once however often', async () => {
    await openInfusing();
    await fill(aFullSet);
    await answerChoices();

    const pump = field(page, 'Pump rate shown');
    pump.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await fixture.whenStable();
    pump.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    button(page, 'Saving…').click();
    await fixture.whenStable();

    const request = http.expectOne(SETS_URL(current.id));
    expect(request.request.body.pumpRate).toEqual({ value: 0.15, unit: 'mg/kg/h' });
    request.flush(anObservationSet(), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('sends the same Idempotency-Key when the same set is saved again after a failure, a new one once it changes', async () => {
    await openInfusing();
    await fill(aFullSet);
    await answerChoices();

    const first = await save();
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'));
    await settle(fixture);
    expect(text(page.querySelector('.save [role="alert"]'))).toContain('Cannot reach the server');

    const retry = await save();
    expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
    retry.flush(
      { title: 'Service unavailable', status: 503 },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle(fixture);

    await fill({ Pulse: '96' });
    const changed = await save();
    expect(changed.request.headers.get('Idempotency-Key')).not.toBe(key);
    changed.flush(anObservationSet(), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('shows what the server objects to, field by field', async () => {
    await openInfusing();
    await fill(aFullSet);
    await answerChoices();

    (await save()).flush(
      {
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'takenAt', messages: ['takenAt must not be before the admission.'] }],
      },
      { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await settle(fixture);

    expect(text(page.querySelector('.save [role="alert"]'))).toContain(
      'Taken at: takenAt must not be before the admission.',
    );
    expect(button(page, 'Save observations').disabled).toBe(false);
  });

  it('refuses implausible readings before anything is sent', async () => {
    await openInfusing();
    await fill({ ...aFullSet, SpO2: '101', Temperature: '3.7' });
    await answerChoices();

    button(page, 'Save observations').click();
    await settle(fixture);

    http.expectNone(SETS_URL(current.id));
    expect(text(page)).toContain('A whole percentage, 40 to 100');
    expect(text(page)).toContain('25 to 45 °C, one decimal at most');
    expect(document.activeElement).toBe(field(page, 'SpO2'));
    // An implausible reading is not scored.
    expect(live()).toContain('Incomplete: missing SpO2 and temperature');
  });

  it('preselects nothing: air or oxygen, consciousness and side effects start unanswered', async () => {
    await openInfusing();
    for (const label of ['Air', 'Oxygen', 'Alert', 'Voice', 'None', 'Some: grade them']) {
      expect(toggle(page, label).checked).toBe(false);
    }
    expect(text(page)).not.toContain('Scale 2');
    expect(page.querySelector('[role="radiogroup"][aria-labelledby^="side-effect-"]')).toBeNull();
  });

  it('chooses ACVPU and air or oxygen with one letter each', async () => {
    await openInfusing();
    const group = (caption: string) =>
      page.querySelector(`mat-radio-group[aria-labelledby="${caption}"]`) as HTMLElement;
    group('consciousness-caption').dispatchEvent(new KeyboardEvent('keydown', { key: 'v', bubbles: true }));
    group('oxygen-caption').dispatchEvent(new KeyboardEvent('keydown', { key: 'o', bubbles: true }));
    group('side-effects-caption').dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    await settle(fixture);
    expect(toggle(page, 'Voice').checked).toBe(true);
    expect(toggle(page, 'Oxygen').checked).toBe(true);
    expect(toggle(page, 'None').checked).toBe(true);
  });

  it('leaves side effects out (not assessed) when unanswered, and sends only the grades given', async () => {
    await openInfusing();
    await fill(aFullSet);
    await pick('Air');
    await pick('Alert');
    const notAssessed = await save();
    expect(notAssessed.request.body.sideEffects).toBeUndefined();
    notAssessed.error(new ProgressEvent('error'));
    await settle(fixture);

    await pick('Some: grade them');
    sideEffectGrade('Nausea', 'Moderate').click();
    sideEffectGrade('Hallucinations', 'Severe').click();
    await fixture.whenStable();
    expect(live()).toContain('Severe side effect');
    const graded = await save();
    expect(graded.request.body.sideEffects).toEqual({ nausea: 'moderate', hallucinations: 'severe' });
    graded.flush(anObservationSet(), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('asks why a partial set is partial, and sends the reason', async () => {
    await openInfusing();
    await fill({ 'Respiration rate': '14', SpO2: '96' });
    button(page, 'Save observations').click();
    await settle(fixture);
    http.expectNone(SETS_URL(current.id));
    expect(text(page.querySelector('.save [role="alert"]'))).toContain('Why is the set partial?');

    await pick('Asleep, not disturbed');
    const request = await save();
    expect(request.request.body).toMatchObject({ respirationRate: 14, spo2: 96, partialReason: 'asleep' });
    request.flush(
      anObservationSet({
        partialReason: 'asleep',
        news2: { ...anObservationSet().news2, complete: false, total: null, response: null },
      }),
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);
    expect(text(page)).toContain('Partial – Asleep, not disturbed');
    expect(text(page)).toMatch(/Next set due .+ \(ward time\)/);
  });

  it("takes an earlier time the ward's way (dd/mm/yyyy hh:mm, 24-hour) and sends it as that ward instant", async () => {
    await openInfusing();
    const takenAt = field(page, 'Taken at (ward time)');
    expect(takenAt.type).toBe('text');
    expect(takenAt.placeholder).toBe('dd/mm/yyyy hh:mm');
    await answerChoices();
    // 09:30 on a London ward in July is 08:30 UTC.
    await fill({ ...aFullSet, 'Taken at (ward time)': '01/07/2025 09:30' });
    const request = await save();
    expect(request.request.body.takenAt).toBe('2025-07-01T08:30:00.000Z');
    request.flush(anObservationSet(), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('says how to write the time when it is not a whole date and time, and sends nothing', async () => {
    await openInfusing();
    await answerChoices();
    await fill({ ...aFullSet, 'Taken at (ward time)': '31/06/2025 09:30' });
    button(page, 'Save observations').click();
    await settle(fixture);
    http.expectNone(SETS_URL(current.id));
    expect(text(page)).toContain('Give the day and time as dd/mm/yyyy hh:mm.');
  });

  it('asks "Confirm: RR 6?" before saving, and sends the confirmation', async () => {
    await openInfusing();
    await fill({ ...aFullSet, 'Respiration rate': '6' });
    await answerChoices();
    button(page, 'Save observations').click();
    await settle(fixture);
    http.expectNone(SETS_URL(current.id));
    expect(text(page.querySelector('.confirm'))).toContain('Confirm: RR 6?');

    button(page, 'Yes, save it').click();
    await fixture.whenStable();
    const request = http.expectOne(SETS_URL(current.id));
    expect(request.request.body).toMatchObject({
      respirationRate: 6,
      confirmedReadings: ['respirationRate'],
    });
    request.flush(anObservationSet(), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('says the pump should be off for a stopped infusion, with its state first, and flags a running pump', async () => {
    current = infusing({
      status: 'infusion-stopped',
      events: [
        {
          id: 'e1',
          type: 'start',
          occurredAt: '2025-07-01T07:00:00.000Z',
          reason: null,
          recordedBy: 'p',
          recordedAt: '2025-07-01T07:00:00.000Z',
        },
        {
          id: 'e2',
          type: 'stop',
          occurredAt: '2025-07-01T08:10:00.000Z',
          reason: 'Hallucinations',
          recordedBy: 'p',
          recordedAt: '2025-07-01T08:10:00.000Z',
        },
      ],
    });
    await openFor(current);
    const order = text(page.querySelector('.order'));
    expect(order).toContain('Infusion stopped: the pump should be off');
    expect(order).toContain('Stopped 09:10: Hallucinations');
    expect(order).toContain('Last ordered rate 0.15 mg/kg/h');
    expect(order.indexOf('Stopped 09:10')).toBeLessThan(order.indexOf('Last ordered rate'));
    expect(page.querySelector('.order-rate')).toBeNull();

    await fill({ 'Pump rate shown': 'off' });
    expect(live()).toContain('The pump is off, as it should be.');
    await fill({ 'Pump rate shown': '0.15' });
    expect(live()).toContain('Pump running while the infusion is not started, paused or stopped');
  });

  it('says the pump should be off before the infusion is started, and flags a running pump', async () => {
    current = infusing({ status: 'admitted', events: [] });
    await openFor(current);
    const order = text(page.querySelector('.order'));
    expect(order).toContain('Infusion not started: the pump should be off');
    expect(order).toContain('Not started');
    expect(order).toContain('Ordered rate 0.15 mg/kg/h');
    expect(order).not.toContain('Last ordered');
    expect(page.querySelector('.order-rate')).toBeNull();

    await fill({ 'Pump rate shown': '0' });
    expect(live()).toContain('The pump is off, as it should be.');
    await fill({ 'Pump rate shown': '0.15' });
    expect(live()).toContain('The pump shows 0.15 mg/kg/h but the infusion is not started');
    expect(live()).toContain('Pump running while the infusion is not started, paused or stopped');
  });

  it('says nothing was typed rather than saving an empty set', async () => {
    await openInfusing();

    button(page, 'Save observations').click();
    await settle(fixture);

    http.expectNone(SETS_URL(current.id));
    expect(text(page.querySelector('.save [role="alert"]'))).toContain('Enter at least one observation.');
  });

  it('has no pump unit to offer when there is no current order', async () => {
    await openInfusing({ currentOrder: null, orders: [] });

    expect(text(page.querySelector('.order'))).toContain('No current order');
    expect(select(page, 'Pump unit').value).toBe('');
  });

  it('does not offer the form for a discharged admission', async () => {
    await openInfusing({ status: 'discharged' });

    expect(page.querySelector('form')).toBeNull();
    expect(text(page)).toContain('Observations are recorded only while the patient is on the ward');
  });
});
