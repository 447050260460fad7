import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, choose, field, link, select, text, type } from '../../testing/dom';
import { provideTestApp } from '../../testing/providers';
import { ServiceReport } from '../core/api-types';
import { ServiceReportPage } from './service-report-page';

const none = { estimate: null, lower: null, upper: null };

function aReport(overrides: Partial<ServiceReport> = {}): ServiceReport {
  return {
    definitions: {
      wardTimeZone: 'Australia/Sydney',
      cohort: 'Admissions that took place.',
      lengthOfStay: 'Admission to discharge.',
      pauses: 'Pause events.',
      sideEffects: 'Worst grade; never counts as none.',
      sedation: 'Highest POSS.',
      news2: 'Episodes of 5 or more.',
      pumpChecks: 'Pump checks.',
      onTime: 'As the ward board showed it due.',
      followUps: 'Scheduled follow-ups.',
    },
    admissions: { total: 4, discharged: 3, infused: 2 },
    admissionsPerMonth: [
      { month: '2026-01', admissions: 1 },
      { month: '2026-02', admissions: 0 },
      { month: '2026-03', admissions: 3 },
    ],
    lengthOfStay: { n: 3, median: 3, q1: 2, q3: 4.25, min: 1, max: 5.5 },
    pauses: {
      pauses: 3,
      admissionsPaused: 2,
      infused: 2,
      proportionPaused: { count: 2, estimate: 1, lower: 0.342, upper: 1 },
      reasons: [
        { reason: 'Over-sedation (POSS 3)', pauses: 2, admissions: 2 },
        { reason: 'Line problem', pauses: 1, admissions: 1 },
      ],
    },
    sideEffects: [
      { sideEffect: 'nausea', label: 'Nausea', none: 1, mild: 0, moderate: 0, severe: 1, notAssessed: 2 },
      {
        sideEffect: 'dizziness',
        label: 'Dizziness',
        none: 0,
        mild: 0,
        moderate: 0,
        severe: 0,
        notAssessed: 4,
      },
    ],
    highestSedation: [
      { level: 'S', label: 'S: asleep, easy to rouse', admissions: 1 },
      { level: '3', label: '3: frequently drowsy, drifts off', admissions: 1 },
      { level: 'not-recorded', label: 'No sedation recorded', admissions: 2 },
    ],
    news2: { completeSets: 9, setsFiveOrMore: 3, episodes: 2, admissions: 1 },
    pumpChecks: {
      checks: 7,
      discrepancies: 1,
      admissionsWithDiscrepancy: 1,
      proportion: { count: 1, estimate: 1 / 7, lower: 0.026, upper: 0.513 },
    },
    observationsOnTime: {
      sets: 9,
      assessed: 8,
      onTime: 6,
      proportion: { count: 6, estimate: 0.75, lower: 0.409, upper: 0.929 },
    },
    followUps: {
      discharged: 3,
      scheduled: 12,
      done: 2,
      missed: 4,
      lost: 6,
      cancelled: 0,
      notDue: 0,
      due: 12,
      completion: { count: 2, estimate: 2 / 12, lower: 0.047, upper: 0.448 },
      missedRate: { count: 4, estimate: 4 / 12, lower: 0.138, upper: 0.609 },
      lostRate: { count: 6, estimate: 0.5, lower: 0.254, upper: 0.746 },
      lostToFollowUp: 1,
      died: 0,
      withdrew: 0,
      readmitted: 0,
      lossRate: { count: 1, estimate: 1 / 3, lower: 0.061, upper: 0.792 },
    },
    ...overrides,
  };
}

describe('ServiceReportPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ServiceReportPage>;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openWith(report: ServiceReport) {
    fixture = TestBed.createComponent(ServiceReportPage);
    page = fixture.nativeElement;
    const request = http.expectOne((r) => r.url === '/api/reports/service');
    expect(request.request.params.keys()).toEqual([]);
    request.flush(report);
    await fixture.whenStable();
  }

  it('draws one bar per month, empty months included, with the numbers in a table', async () => {
    await openWith(aReport());
    const chart = page.querySelector('svg.month-chart');
    expect(chart?.getAttribute('aria-label')).toBe(
      'Admissions per month from 2026-01 to 2026-03; the busiest month had 3.',
    );
    const bars = Array.from(chart!.querySelectorAll('rect.bar'));
    const heights = bars.map((bar) => Number(bar.getAttribute('height')));
    expect(heights[0]).toBeCloseTo(160 / 3, 9);
    expect(heights.slice(1)).toEqual([0, 160]);
    const rows = Array.from(page.querySelectorAll('table[aria-label="Admissions per month"] tbody tr'));
    expect(rows.map((row) => text(row))).toEqual(['2026-01 1', '2026-02 0', '2026-03 3']);
  });

  it('gives the median stay with its interquartile range and the shares with their intervals', async () => {
    await openWith(aReport());
    expect(text(page.querySelector('.length-of-stay dd'))).toBe('3.0 days (2.0 days to 4.3 days)');
    expect(text(page.querySelector('.on-time dd'))).toBe('6 of 8: 75 % (41 % to 93 %)');
    expect(text(page.querySelector('.pump-checks dd'))).toBe('1 of 7: 14 % (3 % to 51 %)');
    expect(text(page.querySelector('.follow-up-rates div dd'))).toBe('2 of 12: 17 % (5 % to 45 %)');
  });

  it('lists pauses by reason, side effects by grade with "not assessed" apart, and the highest sedation', async () => {
    await openWith(aReport());
    const reasons = Array.from(page.querySelectorAll('table[aria-label="Pauses by reason"] tbody tr'));
    expect(reasons.map((row) => text(row))).toEqual(['Over-sedation (POSS 3) 2 2', 'Line problem 1 1']);
    const effects = Array.from(
      page.querySelectorAll('table[aria-label="Side effects by worst grade"] tbody tr'),
    );
    expect(
      effects.map((row) =>
        Array.from(row.querySelectorAll('th, td'))
          .map((cell) => text(cell))
          .slice(0, 6),
      ),
    ).toEqual([
      ['Nausea', '1', '0', '0', '1', '2'],
      ['Dizziness', '0', '0', '0', '0', '4'],
    ]);
    const sedation = Array.from(
      page.querySelectorAll('table[aria-label="Highest sedation (POSS)"] tbody tr'),
    );
    expect(sedation.map((row) => text(row))).toContain('No sedation recorded 2');
  });

  it('says clearly when no admission matches, and sends the filters chosen', async () => {
    await openWith(aReport());
    type(field(page, 'Admitted from') as HTMLInputElement, '01/03/2026');
    choose(select(page, 'Indication'), 'Post-herpetic neuralgia');
    button(page, 'Show report').click();
    const request = http.expectOne((r) => r.url === '/api/reports/service');
    expect(request.request.params.get('admittedFrom')).toBe('2026-03-01');
    expect(request.request.params.get('indication')).toBe('post-herpetic-neuralgia');
    expect(request.request.params.has('dischargedFrom')).toBe(false);
    request.flush(aReport());
    await fixture.whenStable();
    expect(link(page, 'Download the pauses by reason (CSV)').getAttribute('href')).toBe(
      '/api/exports/service-report.csv?table=pauses&admittedFrom=2026-03-01&indication=post-herpetic-neuralgia',
    );
    button(page, 'Show report').click();
    http
      .expectOne((r) => r.url === '/api/reports/service')
      .flush(
        aReport({
          admissions: { total: 0, discharged: 0, infused: 0 },
          admissionsPerMonth: [],
          lengthOfStay: { n: 0, median: null, q1: null, q3: null, min: null, max: null },
          observationsOnTime: { sets: 0, assessed: 0, onTime: 0, proportion: { count: 0, ...none } },
        }),
      );
    await fixture.whenStable();
    expect(text(page.querySelector('.empty'))).toBe('No admissions match these filters.');
    expect(page.querySelector('svg.month-chart')).toBeNull();
  });
});
