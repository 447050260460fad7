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
import { BOARD_DENSITY_KEY, BOARD_SORT_KEY, WardBoardPage } from './ward-board-page';

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
      partialReason: null,
      partialReasonText: null,
      sedation: '1',
      painScore: 5,
      flags: [],
    },
    lastInfusionEvent: { type: 'start', occurredAt: '2025-06-30T08:00:00.000Z', reason: null },
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

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

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
            partialReason: null,
            partialReasonText: null,
            sedation: '3',
            painScore: 6,
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
            partialReason: null,
            partialReasonText: null,
            sedation: null,
            painScore: null,
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

  it('says a paused or stopped infusion is paused or stopped first, with the last ordered rate not in bold', async () => {
    await open();
    await answer(
      expectBoard(),
      aBoard([
        aBoardRow({
          bed: '1',
          status: 'paused',
          lastInfusionEvent: {
            type: 'pause',
            occurredAt: '2025-07-01T08:59:00.000Z',
            reason: 'hallucinations',
          },
        }),
        aBoardRow({
          bed: '2',
          status: 'infusion-stopped',
          lastInfusionEvent: { type: 'stop', occurredAt: '2025-07-01T08:10:00.000Z', reason: null },
        }),
        aBoardRow({ bed: '3' }),
      ]),
    );
    const [paused, stopped, running] = Array.from(page.querySelectorAll<HTMLElement>('tbody tr')).map((row) =>
      row.querySelector<HTMLElement>('[data-label="Infusion"]')!,
    );

    // The state comes before the rate, in ward time, and the rate is labelled as the last one ordered.
    expect(text(paused)).toMatch(/^Paused since 09:59: hallucinations Last ordered rate 0.15 mg\/kg\/h/);
    expect(text(stopped)).toMatch(/^Stopped 09:10 Last ordered rate 0.15 mg\/kg\/h/);
    for (const cell of [paused, stopped]) {
      expect(cell.querySelector('.rate')).toBeNull();
      expect(cell.querySelector('app-status-badge')).toBeNull();
    }
    expect(text(running)).toMatch(/^Infusing 0.15 mg\/kg\/h/);
    expect(text(running.querySelector('.rate'))).toBe('0.15 mg/kg/h');
    expect(text(running)).not.toContain('Last ordered');
  });

  it('does not show the ordered rate of an infusion not yet started as a running rate', async () => {
    await open();
    await answer(expectBoard(), aBoard([aBoardRow({ bed: '4', status: 'admitted' })]));
    const cell = page.querySelector<HTMLElement>('tbody tr [data-label="Infusion"]')!;
    expect(cell.querySelector('.rate')).toBeNull();
    expect(text(cell)).toMatch(/^Admitted, not started Ordered rate 0.15 mg\/kg\/h, not started/);
  });

  it('shows the latest pain score, and marks a stay past its planned length in words', async () => {
    await open();
    await answer(
      expectBoard(),
      aBoard([aBoardRow({ bed: '1', dayOfStay: 6, plannedDays: 5 }), aBoardRow({ bed: '2', dayOfStay: 5 })]),
    );
    const [late, onTime] = rows();
    const pain = page.querySelector('tbody tr [data-label="Pain (NRS)"]');
    expect(text(pain)).toBe('5');
    expect(late).toContain('Day 6 of 5 past planned length');
    expect(onTime).toContain('Day 5 of 5');
    expect(onTime).not.toContain('past planned length');
  });

  it('sorts by bed when asked, and remembers the order and a compact density in this browser', async () => {
    await open();
    await answer(
      expectBoard(),
      aBoard([aBoardRow({ bed: '10' }), aBoardRow({ bed: '2' }), aBoardRow({ bed: '1A' })]),
    );
    expect(rows().map((row) => row.split(' ')[0])).toEqual(['10', '2', '1A']);

    radio('By bed').click();
    radio('Compact').click();
    await settle(harness.fixture);

    expect(rows().map((row) => row.split(' ')[0])).toEqual(['1A', '2', '10']);
    expect(page.querySelector('table')?.classList).toContain('compact');
    expect(page.querySelector('table')?.getAttribute('aria-label')).toBe(`Patients on ${WARD}, by bed`);
    expect(localStorage.getItem(BOARD_SORT_KEY)).toBe('bed');
    expect(localStorage.getItem(BOARD_DENSITY_KEY)).toBe('compact');
  });

  it('opens with the order and density this browser remembers', async () => {
    localStorage.setItem(BOARD_SORT_KEY, 'bed');
    localStorage.setItem(BOARD_DENSITY_KEY, 'compact');
    await open();
    await answer(expectBoard(), aBoard([aBoardRow({ bed: '10' }), aBoardRow({ bed: '2' })]));
    expect(radio('By bed').checked).toBe(true);
    expect(radio('Compact').checked).toBe(true);
    expect(page.querySelector('table')?.classList).toContain('compact');
    expect(rows().map((row) => row.split(' ')[0])).toEqual(['2', '10']);
  });

  it('never re-sorts rows under the pointer or focus, and applies and announces the new order after', async () => {
    await open();
    const first = aBoardRow({ bed: '1' });
    const second = aBoardRow({ bed: '2' });
    await answer(expectBoard(), aBoard([first, second]));
    const table = page.querySelector('table')!;

    table.dispatchEvent(new Event('pointerenter'));
    clock.advance(15_000);
    await answer(
      expectBoard(),
      aBoard([{ ...second, overdueMinutes: 20 }, first], { generatedAt: '2025-07-01T09:00:15.000Z' }),
    );
    // Held: the rows stay where they were, but the values are new.
    expect(rows().map((row) => row.split(' ')[0])).toEqual(['1', '2']);
    expect(rows()[1]).toContain('Overdue');
    const note = page.querySelector('.order-note[aria-live="polite"]');
    expect(text(note)).toBe('The order has changed; it will be updated once you leave the table.');

    // Leaving the table does not move the rows at once either: the next refresh does.
    table.dispatchEvent(new Event('pointerleave'));
    await settle(harness.fixture);
    expect(rows().map((row) => row.split(' ')[0])).toEqual(['1', '2']);

    // Focus in the table holds the order too.
    link(page, 'Record observations for NGUYEN, Thi Mai').dispatchEvent(
      new FocusEvent('focusin', { bubbles: true }),
    );
    clock.advance(15_000);
    await answer(expectBoard(), aBoard([{ ...second, overdueMinutes: 35 }, first]));
    expect(rows().map((row) => row.split(' ')[0])).toEqual(['1', '2']);

    table.dispatchEvent(new FocusEvent('focusout', { relatedTarget: null }));
    clock.advance(15_000);
    await answer(expectBoard(), aBoard([{ ...second, overdueMinutes: 50 }, first]));
    expect(rows().map((row) => row.split(' ')[0])).toEqual(['2', '1']);
    expect(text(note)).toBe('The order of the patients has been updated.');
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

function radio(label: string): HTMLInputElement {
  const found = Array.from(document.querySelectorAll('label')).find((element) => text(element) === label);
  const input = found?.querySelector('input');
  if (!input) {
    throw new Error(`No radio button labelled ${label}`);
  }
  return input;
}

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
