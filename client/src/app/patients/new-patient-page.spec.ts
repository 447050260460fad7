import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, choose, field, select, settle, text, type } from '../../testing/dom';
import { aPatient, aUser } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { routes } from '../app.routes';

describe('NewPatientPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestApp(routes) });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo();
    await signInAs(aUser({ roles: ['prescriber'] }));
    harness = await RouterTestingHarness.create('/patients/new');
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  function fillIn() {
    type(field(page, 'MRN'), 'MRN-004211');
    type(field(page, 'Family name'), 'Nguyen');
    type(field(page, 'Given name'), 'Thi Mai');
    type(field(page, 'Date of birth'), '1975-04-30');
    choose(select(page, 'Sex'), 'Female');
  }

  it('registers the patient and goes on to admit them', async () => {
    fillIn();
    button(page, 'Register and admit').click();

    const create = http.expectOne('/api/patients');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      mrn: 'MRN-004211',
      familyName: 'Nguyen',
      givenName: 'Thi Mai',
      dateOfBirth: '1975-04-30',
      sex: 'female',
    });
    const patient = aPatient({ mrn: 'MRN-004211' });
    create.flush(patient, { status: 201, statusText: 'Created' });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe(`/patients/${patient.id}/admit`);
    http.expectOne(`/api/patients/${patient.id}`).flush(patient);
  });

  it('says so when the MRN is already registered, and stays on the form', async () => {
    fillIn();
    button(page, 'Register and admit').click();

    http.expectOne('/api/patients').flush(
      {
        type: '/problems/mrn-taken',
        title: 'MRN already registered',
        status: 409,
        detail: 'A patient with MRN MRN-004211 is already registered.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(harness.fixture);

    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'MRN already registered A patient with MRN MRN-004211 is already registered.',
    );
    expect(TestBed.inject(Router).url).toBe('/patients/new');
  });

  it('sends nothing until every field is given, and an MRN of letters, digits or dashes', async () => {
    type(field(page, 'MRN'), 'MRN 42');
    button(page, 'Register and admit').click();
    await harness.fixture.whenStable();

    http.expectNone('/api/patients');
    expect(text(page)).toContain('Enter the MRN: 3 to 20 letters, digits or dashes.');
    expect(text(page)).toContain('Choose the sex recorded for the patient.');
  });

  it('registers phone numbers and the preferred contact method when given', async () => {
    fillIn();
    button(page, 'Add a phone number').click();
    await harness.fixture.whenStable();
    type(field(page, 'Phone 1 number'), '+61 (0)412 345-678');
    button(page, 'Add a phone number').click();
    await harness.fixture.whenStable();
    choose(select(page, 'Phone 2 type'), 'Work');
    type(field(page, 'Phone 2 number'), '02 9876 5432');
    choose(select(page, 'Preferred contact method'), 'Video call');
    button(page, 'Register and admit').click();

    expect(http.expectOne('/api/patients').request.body.contact).toEqual({
      phoneNumbers: [
        { label: 'mobile', number: '+61 (0)412 345-678' },
        { label: 'work', number: '02 9876 5432' },
      ],
      preferredMethod: 'video',
    });
  });

  it('refuses a phone number with letters or fewer than 6 digits', async () => {
    fillIn();
    button(page, 'Add a phone number').click();
    await harness.fixture.whenStable();
    type(field(page, 'Phone 1 number'), '12-34-5');
    button(page, 'Register and admit').click();
    await harness.fixture.whenStable();
    http.expectNone('/api/patients');
    expect(text(page)).toContain('with at least 6 digits');

    type(field(page, 'Phone 1 number'), 'call 0412345678');
    button(page, 'Register and admit').click();
    http.expectNone('/api/patients');

    button(page, /^Remove/).click();
    await harness.fixture.whenStable();
    button(page, 'Register and admit').click();
    expect(http.expectOne('/api/patients').request.body.contact).toBeUndefined();
  });
});
