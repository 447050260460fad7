import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, choose, field, hasField, select, settle, text, toggle, type } from '../../testing/dom';
import { aPatient, aUser, anAdmission } from '../../testing/factories';
import { provideTestApp, verifyLeavingTimelineAside } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { Role } from '../core/api-types';
import { routes } from '../app.routes';

describe('AdmitPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;
  const patient = aPatient({ familyName: 'Nguyen', givenName: 'Thi Mai', mrn: 'MRN-004211' });

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp(routes) });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => verifyLeavingTimelineAside(http));

  async function openAs(roles: Role[] = ['prescriber']) {
    await loadAppInfo({ wardName: 'Pain Medicine Unit' });
    await signInAs(aUser({ roles }));
    harness = await RouterTestingHarness.create(`/patients/${patient.id}/admit`);
    page = harness.routeNativeElement as HTMLElement;
  }

  async function openForPatient() {
    await openAs();
    http.expectOne(`/api/patients/${patient.id}`).flush(patient);
    await harness.fixture.whenStable();
  }

  it('names the patient being admitted and starts from the ward of this installation', async () => {
    await openForPatient();

    expect(text(page.querySelector('.patient'))).toBe(
      'NGUYEN, Thi Mai MRN MRN-004211 Born 30 Apr 1975 Female',
    );
    expect(field(page, 'Ward').value).toBe('Pain Medicine Unit');
    expect(select(page, 'Drug').selectedOptions[0].textContent?.trim()).toBe('Ketamine');
  });

  it('admits with numbers sent as numbers and the consent, then opens the admission', async () => {
    await openForPatient();

    type(field(page, 'Bed'), '12B');
    choose(select(page, 'Indication'), 'Post-herpetic neuralgia');
    type(field(page, 'Planned days'), '5');
    type(field(page, 'Weight (kg)'), '72.5');
    type(field(page, 'Weight measured on'), '2025-06-30');
    type(field(page, 'Baseline pain (NRS 0-10)'), '8');
    type(field(page, 'Baseline BPI interference (0-10)'), '6.4');
    toggle(page, 'Consent obtained').click();
    await harness.fixture.whenStable();
    button(page, 'Admit').click();

    const create = http.expectOne('/api/admissions');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      patientId: patient.id,
      ward: 'Pain Medicine Unit',
      bed: '12B',
      indication: 'post-herpetic-neuralgia',
      drug: 'ketamine',
      plannedDays: 5,
      weightKg: 72.5,
      weightMeasuredOn: '2025-06-30',
      baselinePain: 8,
      baselineBpiInterference: 6.4,
      consentObtained: true,
      planned: false,
    });
    const admission = anAdmission({ patient });
    create.flush(admission, { status: 201, statusText: 'Created' });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe(`/admissions/${admission.id}`);
    http.expectOne(`/api/admissions/${admission.id}`).flush(admission);
  });

  it('asks for the other indication and drug in words, and sends a planned admission without a weight', async () => {
    await openForPatient();

    expect(hasField(page, 'Other indication')).toBe(false);
    type(field(page, 'Bed'), '3');
    choose(select(page, 'Indication'), 'Other');
    choose(select(page, 'Drug'), 'Other');
    type(field(page, 'Planned days'), '3');
    type(field(page, 'Baseline pain (NRS 0-10)'), '6');
    toggle(page, 'Planned admission (not yet on the ward)').click();
    await harness.fixture.whenStable();
    button(page, 'Admit').click();
    await harness.fixture.whenStable();

    http.expectNone('/api/admissions');
    expect(text(page)).toContain('Say what the indication is.');
    expect(text(page)).toContain('Name the drug.');

    type(field(page, 'Other indication'), 'Erythromelalgia');
    type(field(page, 'Other drug'), 'Magnesium');
    button(page, 'Admit').click();

    expect(http.expectOne('/api/admissions').request.body).toEqual({
      patientId: patient.id,
      ward: 'Pain Medicine Unit',
      bed: '3',
      indication: 'other',
      indicationOther: 'Erythromelalgia',
      drug: 'other',
      drugOther: 'Magnesium',
      plannedDays: 3,
      baselinePain: 6,
      consentObtained: false,
      planned: true,
    });
  });

  it('refuses a weight without its date, a pain score outside 0-10 and days outside 1-28', async () => {
    await openForPatient();

    type(field(page, 'Bed'), '12B');
    choose(select(page, 'Indication'), 'Phantom limb pain');
    type(field(page, 'Planned days'), '30');
    type(field(page, 'Weight (kg)'), '70');
    type(field(page, 'Baseline pain (NRS 0-10)'), '7.5');
    button(page, 'Admit').click();
    await harness.fixture.whenStable();

    http.expectNone('/api/admissions');
    expect(text(page)).toContain('Enter a whole number of days from 1 to 28.');
    expect(text(page)).toContain('Enter the date the weight was measured.');
    expect(text(page)).toContain('Enter a whole number from 0 to 10.');
  });

  it('shows why the server refused, e.g. a patient already admitted', async () => {
    await openForPatient();

    type(field(page, 'Bed'), '12B');
    choose(select(page, 'Indication'), 'CRPS (complex regional pain syndrome)');
    type(field(page, 'Planned days'), '5');
    type(field(page, 'Baseline pain (NRS 0-10)'), '7');
    button(page, 'Admit').click();
    http.expectOne('/api/admissions').flush(
      {
        type: '/problems/open-admission-exists',
        title: 'The patient is already admitted',
        status: 409,
        detail: 'This patient already has an open admission; discharge or cancel it first.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(harness.fixture);

    expect(text(page.querySelector('[role="alert"]'))).toContain(
      'This patient already has an open admission; discharge or cancel it first.',
    );
  });

  it('is for prescribers only', async () => {
    await openAs(['nurse']);

    expect(text(page.querySelector('h1'))).toBe('You do not have access to this page');
    http.expectNone(`/api/patients/${patient.id}`);
  });
});
