import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { link, text } from '../../testing/dom';
import { aPatient, aUser, anAdmissionSummary, anOrder } from '../../testing/factories';
import { FakeClock } from '../../testing/fake-clock';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { AdmissionSummary } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { AdmissionListPage } from './admission-list-page';

describe('AdmissionListPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AdmissionListPage>;
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

  async function openWith(admissions: AdmissionSummary[]) {
    fixture = TestBed.createComponent(AdmissionListPage);
    page = fixture.nativeElement;
    const list = http.expectOne((request) => request.url === '/api/admissions');
    expect(list.request.params.keys()).toEqual([]);
    list.flush({ items: admissions, nextCursor: null });
    await fixture.whenStable();
  }

  function rows(): string[][] {
    return Array.from(page.querySelectorAll('tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => text(cell)),
    );
  }

  it('lists bed, patient, status in words, day of stay and the current rate exactly as ordered', async () => {
    const infusing = anAdmissionSummary({
      bed: '12B',
      patient: aPatient({ familyName: 'Nguyen', givenName: 'Thi Mai', mrn: 'MRN-004211' }),
      status: 'infusing',
      admittedAt: '2025-06-29T10:00:00Z',
      plannedDays: 5,
      currentOrder: anOrder({ rate: { value: 0.15, unit: 'mg/kg/h' } }),
    });
    const waiting = anAdmissionSummary({
      bed: '14',
      patient: aPatient({ familyName: 'Smith', givenName: 'Jo', mrn: 'MRN-000001' }),
      status: 'admitted',
      admittedAt: '2025-07-01T07:00:00Z',
      plannedDays: 7,
      currentOrder: null,
    });
    const planned = anAdmissionSummary({
      bed: '15',
      patient: aPatient({ familyName: 'Brown', givenName: 'Al', mrn: 'MRN-000002' }),
      status: 'planned',
      plannedDays: 3,
    });
    await openWith([infusing, waiting, planned]);

    expect(rows()).toEqual([
      ['12B', 'NGUYEN, Thi Mai MRN MRN-004211', 'Infusing', 'Day 3 of 5', '0.15 mg/kg/h'],
      ['14', 'SMITH, Jo MRN MRN-000001', 'Admitted, not started', 'Day 1 of 7', 'No order'],
      ['15', 'BROWN, Al MRN MRN-000002', 'Planned', 'Planned for 3 days', 'No order'],
    ]);
    expect(link(page, 'NGUYEN, Thi Mai').getAttribute('href')).toBe(`/admissions/${infusing.id}`);
  });

  it("counts days on the ward's calendar, not in UTC", async () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: the admission day is today, day 1.
    await openWith([anAdmissionSummary({ admittedAt: '2025-06-30T23:30:00Z', plannedDays: 4 })]);

    expect(rows()[0][3]).toBe('Day 1 of 4');
  });

  it('says when nobody is admitted', async () => {
    await openWith([]);

    expect(text(page.querySelector('[role="status"]'))).toBe('No current admissions.');
  });
});
