import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { choose, link, select, settle, text } from '../../testing/dom';
import { FakeClock } from '../../testing/fake-clock';
import { aUser } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { Ward, WardBoard, WardBoardRow } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { WardBoardPage } from './ward-board-page';

const WARD = 'Ward 7 Pain Unit';
// The fake clock reads 1 July 2025, 09:00 UTC: 10:00 on a London ward.
const NOW = '2025-07-01T09:00:00.000Z';

let sequence = 0;

function aBoardRow(overrides: Partial<WardBoardRow> = {}): WardBoardRow {
  const n = ++sequence;
  return {
    admissionId: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    bed: String(n),
    patient: { mrn: `MRN-${String(n).padStart(6, '0')}`, familyName: 'Nguyen', givenName: 'Thi Mai' },
    dayOfStay: 2,
    plannedDays: 5,
    status: 'infusing',
    currentOrder: {
      drug: 'ketamine',
      concentration: { value: 2, unit: 'mg/mL' },
      rate: { value: 0.15, unit: 'mg/kg/h' },
      effectiveFrom: '2025-06-30T08:00:00.000Z',
    },
    lastSet: {
      takenAt: '2025-07-01T08:18:00.000Z',
      news2Total: 1,
      news2Response: 'low',
      news2Complete: true,
      sedation: '1',
      flags: [],
    },
    nextDueAt: '2025-07-01T12:18:00.000Z',
    overdueMinutes: 0,
    dueReason: 'routine',
    ...overrides,
  };
}

function aBoard(rows: WardBoardRow[], overrides: Partial<WardBoard> = {}): WardBoard {
  return { ward: WARD, timeZone: 'Europe/London', generatedAt: NOW, rows, ...overrides };
}

describe('WardBoardPage', () => {
  let http: HttpTestingController;
  let clock: FakeClock;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    clock = new FakeClock();
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp([{ path: 'ward', component: WardBoardPage }]),
        { provide: Clock, useValue: clock },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardName: WARD, wardTimeZone: 'Europe/London' });
    await signInAs(aUser({ roles: ['nurse'] }));
  });

  afterEach(() => http.verify());

  async function open(url = '/ward', wards: Ward[] = [{ id: WARD, name: WARD, openAdmissions: 3 }]) {
    harness = await RouterTestingHarness.create(url);
    page = harness.routeNativeElement!;
    http.expectOne('/api/wards').flush({ items: wards, nextCursor: null });
  }

  function expectBoard(ward = WARD): TestRequest {
    return http.expectOne(`/api/wards/${encodeURIComponent(ward)}/board`);
  }

  async function answer(request: TestRequest, board: WardBoard): Promise<void> {
    request.flush(board);
    await settle(harness.fixture);
  }

  function rows(): string[] {
    return Array.from(page.querySelectorAll('tbody tr')).map((row) => text(row));
  }

  it('lists the patients in the order the server gives, most urgent first, with overdue times and NEWS2 bands in words', async () => {
    await open();
    await answer(
      expectBoard(),
      aBoard([
        aBoardRow({
          bed: '3',
          patient: { mrn: 'MRN-000003', familyName: 'Okafor', givenName: 'Ada' },
          lastSet: null,
          nextDueAt: '2025-07-01T07:40:00.000Z',
          overdueMinutes: 80,
          dueReason: 'after-change',
        }),
        aBoardRow({
          bed: '12B',
          patient: { mrn: 'MRN-004211', familyName: 'Nguyen', givenName: 'Thi Mai' },
          dayOfStay: 3,
          plannedDays: 5,
          lastSet: {
            takenAt: '2025-07-01T08:18:00.000Z',
            news2Total: 5,
            news2Response: 'medium',
            news2Complete: true,
            sedation: '3',
            flags: ['news2-medium', 'unacceptable-sedation', 'pump-discrepancy'],
          },
          nextDueAt: '2025-07-01T09:25:00.000Z',
          dueReason: 'sedation',
        }),
        aBoardRow({
          bed: '1',
          patient: { mrn: 'MRN-000001', familyName: 'Smith', givenName: 'Jo' },
          status: 'paused',
          lastSet: {
            takenAt: '2025-07-01T06:00:00.000Z',
            news2Total: null,
            news2Response: null,
            news2Complete: false,
            sedation: null,
            flags: ['news2-incomplete'],
          },
        }),
      ]),
    );

    const [overdue, sedated, paused] = rows();
    expect(overdue).toContain('OKAFOR, Ada');
    expect(overdue).toContain('Overdue by 1 h 20 min');
    expect(overdue).toContain('After a start or rate change');
    expect(overdue).toContain('None yet');
    expect(page.querySelector('tbody tr')?.classList).toContain('overdue');

    expect(sedated).toContain('NGUYEN, Thi Mai MRN MRN-004211 Day 3 of 5');
    expect(sedated).toContain('Infusing 0.15 mg/kg/h Ketamine 2 mg/mL');
    expect(sedated).toContain('09:18 42 min ago');
    expect(sedated).toContain('5 – medium');
    expect(sedated).toContain('3 Frequently drowsy');
    expect(sedated).toContain('Unacceptable sedation');
    expect(sedated).toContain('Pump check discrepancy');
    expect(sedated).toContain('Due 10:25, in 25 min');

    expect(paused).toContain('SMITH, Jo');
    expect(paused).toContain('Paused');
    expect(paused).toContain('Incomplete');
    expect(paused).toContain('3 h ago');

    expect(text(page)).toContain('Updated 10:00:00');
  });

  it('links each patient to the admission and to a new observation set', async () => {
    await open();
    const row = aBoardRow({ patient: { mrn: 'MRN-1', familyName: 'Okafor', givenName: 'Ada' } });
    await answer(expectBoard(), aBoard([row]));

    expect(link(page, 'OKAFOR, Ada').getAttribute('href')).toBe(`/admissions/${row.admissionId}`);
    expect(link(page, 'Record observations for OKAFOR, Ada').getAttribute('href')).toBe(
      `/ward/admissions/${row.admissionId}/observations/new`,
    );
  });

  it('says so when nobody is admitted to the ward', async () => {
    await open();
    await answer(expectBoard(), aBoard([]));

    expect(page.querySelector('table')).toBeNull();
    expect(text(page)).toContain(`No patients are admitted to ${WARD} at the moment.`);
  });

  it('asks for the board again every 15 seconds, and stops when the page is left', async () => {
    await open();
    await answer(expectBoard(), aBoard([aBoardRow()]));

    clock.advance(14_999);
    http.expectNone(`/api/wards/${encodeURIComponent(WARD)}/board`);
    clock.advance(1);
    await answer(
      expectBoard(),
      aBoard([aBoardRow({ bed: '9' })], { generatedAt: '2025-07-01T09:00:15.000Z' }),
    );
    expect(text(page)).toContain('Updated 10:00:15');
    expect(rows()[0]).toMatch(/^9 /);

    harness.fixture.destroy();
    clock.advance(60_000);
    http.expectNone(`/api/wards/${encodeURIComponent(WARD)}/board`);
  });

  it('does not poll while the page is hidden, and catches up when it is shown again', async () => {
    await open();
    await answer(expectBoard(), aBoard([aBoardRow()]));

    setVisibility('hidden');
    clock.advance(60_000);
    http.expectNone(`/api/wards/${encodeURIComponent(WARD)}/board`);

    setVisibility('visible');
    await answer(expectBoard(), aBoard([aBoardRow()]));
    clock.advance(15_000);
    await answer(expectBoard(), aBoard([aBoardRow()]));
  });

  it('keeps the last board on screen, and says so, when a refresh fails', async () => {
    await open();
    await answer(expectBoard(), aBoard([aBoardRow({ bed: '4' })]));

    clock.advance(15_000);
    expectBoard().error(new ProgressEvent('error'));
    await settle(harness.fixture);

    expect(rows()[0]).toMatch(/^4 /);
    expect(text(page.querySelector('[role="status"]'))).toContain(
      'Could not refresh the board: Cannot reach the server. Showing it as it was at 10:00:00',
    );

    clock.advance(15_000);
    await answer(expectBoard(), aBoard([aBoardRow({ bed: '4' })]));
    expect(text(page.querySelector('[role="status"]'))).toBe('');
  });

  it('shows the ward chosen in the picker, and keeps it in the address', async () => {
    await open('/ward', [
      { id: WARD, name: WARD, openAdmissions: 3 },
      { id: 'Day Unit', name: 'Day Unit', openAdmissions: 1 },
    ]);
    await answer(expectBoard(), aBoard([aBoardRow()]));
    const picker = select(page, 'Ward');
    expect(picker.value).toBe(WARD);

    choose(picker, 'Day Unit');
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe('/ward?ward=Day%20Unit');
    await answer(expectBoard('Day Unit'), aBoard([], { ward: 'Day Unit' }));
    expect(text(page)).toContain('No patients are admitted to Day Unit at the moment.');

    // The old ward's timer is gone: only the new ward is asked for.
    clock.advance(15_000);
    await answer(expectBoard('Day Unit'), aBoard([], { ward: 'Day Unit' }));
  });

  it('opens on the ward named in the address', async () => {
    await open('/ward?ward=Day%20Unit');
    await answer(expectBoard('Day Unit'), aBoard([aBoardRow()], { ward: 'Day Unit' }));

    expect(select(page, 'Ward').value).toBe('Day Unit');
    expect(rows()).toHaveLength(1);
  });
});

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
