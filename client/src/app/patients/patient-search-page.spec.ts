import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { field, link, pressEnterIn, settle, text, type } from '../../testing/dom';
import { aPatient, aUser, anAdmissionSummary } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { signInAs } from '../../testing/session';
import { Role } from '../core/api-types';
import { PatientSearchPage } from './patient-search-page';

describe('PatientSearchPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PatientSearchPage>;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openAs(roles: Role[], openAdmissions = [anAdmissionSummary()]) {
    await signInAs(aUser({ roles }));
    fixture = TestBed.createComponent(PatientSearchPage);
    page = fixture.nativeElement;
    http.expectOne('/api/admissions').flush({ items: openAdmissions, nextCursor: null });
    await fixture.whenStable();
  }

  function expectSearch(): TestRequest {
    return http.expectOne((request) => request.url === '/api/patients');
  }

  function rows(): string[][] {
    return Array.from(page.querySelectorAll('tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => text(cell)),
    );
  }

  function status(): string {
    return text(page.querySelector('[role="status"]'));
  }

  it('searches for what was typed once typing pauses, and lists the matches', async () => {
    await openAs(['nurse']);
    expect(status()).toBe('Type the start of an MRN, a family name or a given name.');

    type(field(page, 'Search patients'), 'ngu');
    http.expectNone((request) => request.url === '/api/patients');
    await new Promise((resolve) => setTimeout(resolve, 350));

    const search = expectSearch();
    expect(search.request.params.get('q')).toBe('ngu');
    search.flush({
      items: [
        aPatient({
          familyName: 'Nguyen',
          givenName: 'Thi Mai',
          mrn: 'MRN-004211',
          dateOfBirth: '1975-04-30',
        }),
        aPatient({
          familyName: 'Ngugi',
          givenName: 'James',
          mrn: 'MRN-000777',
          dateOfBirth: '1960-12-01',
          sex: 'male',
        }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(rows().map((row) => row.slice(0, 4))).toEqual([
      ['NGUYEN, Thi Mai', 'MRN-004211', '30 Apr 1975', 'Female'],
      ['NGUGI, James', 'MRN-000777', '1 Dec 1960', 'Male'],
    ]);
    expect(status()).toBe('2 patients match “ngu”.');
  });

  it('searches at once on Enter, and only once for the same text', async () => {
    await openAs(['nurse']);

    const box = field(page, 'Search patients');
    type(box, ' MRN-0042 ');
    pressEnterIn(box);

    expect(expectSearch().request.params.get('q')).toBe('MRN-0042');
    await new Promise((resolve) => setTimeout(resolve, 350));
    http.expectNone((request) => request.url === '/api/patients');
  });

  it('says when nothing matches, and offers a prescriber to register the patient', async () => {
    await openAs(['prescriber']);

    const box = field(page, 'Search patients');
    type(box, 'zz');
    pressEnterIn(box);
    expectSearch().flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    expect(status()).toBe('No patients match “zz”.');
    expect(rows()).toEqual([]);
    expect(link(page, 'register a new patient').getAttribute('href')).toBe('/patients/new');
  });

  it('lets a prescriber admit a patient, and leads anyone to the open admission of one already admitted', async () => {
    const admitted = aPatient({ familyName: 'Okafor', givenName: 'Ruth' });
    const notAdmitted = aPatient({ familyName: 'Okoro', givenName: 'Ada' });
    const admission = anAdmissionSummary({ patient: admitted });
    await openAs(['prescriber'], [admission]);

    const box = field(page, 'Search patients');
    type(box, 'oko');
    pressEnterIn(box);
    expectSearch().flush({ items: [admitted, notAdmitted], nextCursor: null });
    await fixture.whenStable();

    expect(link(page, 'Open admission of OKAFOR, Ruth').getAttribute('href')).toBe(
      `/admissions/${admission.id}`,
    );
    expect(link(page, 'Admit OKORO, Ada').getAttribute('href')).toBe(`/patients/${notAdmitted.id}/admit`);
    expect(link(page, 'New patient').getAttribute('href')).toBe('/patients/new');
  });

  it('does not offer a nurse to register or admit', async () => {
    await openAs(['nurse'], []);

    const box = field(page, 'Search patients');
    type(box, 'oko');
    pressEnterIn(box);
    expectSearch().flush({ items: [aPatient({ familyName: 'Okoro', givenName: 'Ada' })], nextCursor: null });
    await settle(fixture);

    expect(rows()[0][4]).toBe('Not admitted');
    expect(Array.from(page.querySelectorAll('a')).map((element) => text(element))).toEqual([]);
  });
});
