import { HttpEventType } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, link, select, text, choose } from '../../testing/dom';
import { provideTestApp } from '../../testing/providers';
import { OutcomeReport } from '../core/api-types';
import { BrowserFiles } from './csv-download';
import { OutcomeReportPage } from './outcome-report-page';

function aReport(overrides: Partial<OutcomeReport> = {}): OutcomeReport {
  const steps = [
    { time: 10, atRisk: 5, events: 2, censored: 1, survival: 0.6, stdErr: 0.219, lower: 0.293, upper: 1 },
    { time: 20, atRisk: 2, events: 1, censored: 0, survival: 0.3, stdErr: 0.239, lower: 0.063, upper: 1 },
    { time: 28, atRisk: 1, events: 0, censored: 1, survival: 0.3, stdErr: 0.239, lower: 0.063, upper: 1 },
  ];
  return {
    definitions: {
      wardTimeZone: 'Australia/Sydney',
      today: '2026-11-28',
      timeUnit: 'days',
      timeOrigin: 'The day the infusion stopped.',
      responderThreshold: 30,
      responder: 'Pain at least 30 % lower.',
      nonResponders: 'exclude',
      nonResponderHandling: 'Counted beside the curve.',
      event: 'Benefit ended.',
      censoring: 'Last follow-up with benefit ongoing.',
      intervalCensoring: 'Benefit end is interval-censored.',
      averageNotShown: 'A plain average is biased and not shown.',
      responderRates: 'Out of every discharged admission.',
      confidenceIntervals: 'Greenwood, log scale, Wilson.',
    },
    cohort: {
      discharged: 7,
      responders: 5,
      nonResponders: 1,
      responseUnknown: 1,
      onCurve: 5,
      events: 3,
      censored: 2,
      lostToFollowUp: 0,
      died: 0,
      withdrew: 0,
      readmitted: 0,
    },
    overall: {
      n: 5,
      events: 3,
      followUpDays: 28,
      steps,
      median: { estimate: 20, lower: 10, upper: null },
      survivalAt: [
        { weeks: 4, days: 28, survival: 0.3, lower: 0.063, upper: 1, atRisk: 1 },
        { weeks: 8, days: 56, survival: null, lower: null, upper: null, atRisk: 0 },
      ],
    },
    groups: [],
    logRank: null,
    responderRates: [
      {
        week: 1,
        discharged: 7,
        done: 3,
        missed: 1,
        lost: 1,
        notDue: 0,
        cancelled: 0,
        notScheduled: 2,
        responders30: { count: 2, estimate: 2 / 7, lower: 0.082, upper: 0.641 },
        responders50: { count: 1, estimate: 1 / 7, lower: 0.026, upper: 0.513 },
      },
    ],
    ...overrides,
  };
}

describe('OutcomeReportPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<OutcomeReportPage>;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: BrowserFiles, useValue: { save: jest.fn() } }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openWith(report: OutcomeReport) {
    fixture = TestBed.createComponent(OutcomeReportPage);
    page = fixture.nativeElement;
    const request = http.expectOne((r) => r.url === '/api/reports/outcomes');
    expect(request.request.params.get('threshold')).toBe('30');
    expect(request.request.params.get('nonResponders')).toBe('exclude');
    request.flush(report);
    await fixture.whenStable();
  }

  it('shows the median with its interval, "not reached" where a bound is, and the plot', async () => {
    await openWith(aReport());
    expect(text(page.querySelector('.median'))).toContain(
      'Median duration of benefit: 20 days (2.9 weeks); 95 % CI 10 days to not reached',
    );
    expect(page.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain('All, 5 patients');
    // One censor tick on day 10 and one on day 28.
    expect(page.querySelectorAll('line.censor')).toHaveLength(2);
  });

  it('puts the number at risk, censored and events under the curve at 0, 4, 8, 12 and 26 weeks', async () => {
    await openWith(aReport());
    const riskRow = page.querySelector('.risk-table tbody tr');
    expect(Array.from(riskRow!.querySelectorAll('td')).map((cell) => text(cell))).toEqual([
      '5 (0) (0)',
      '1 (2) (3)',
      '0 (2) (3)',
      '0 (2) (3)',
      '0 (2) (3)',
    ]);
  });

  it('says "beyond follow-up" rather than extrapolate the curve', async () => {
    await openWith(aReport());
    expect(text(page)).toContain('Beyond follow-up');
  });

  it('shows responder rates with every follow-up accounted for and Wilson intervals', async () => {
    await openWith(aReport());
    const cells = Array.from(page.querySelectorAll('table[aria-label^="Responders"] tbody td')).map((cell) =>
      text(cell),
    );
    expect(cells).toEqual([
      '7',
      '3',
      '1',
      '1',
      '0',
      '0',
      '2',
      '2: 29 % (8 % to 64 %)',
      '1: 14 % (3 % to 51 %)',
    ]);
  });

  it('says clearly when no discharged admission matches', async () => {
    await openWith(
      aReport({
        cohort: { ...aReport().cohort, discharged: 0, responders: 0, onCurve: 0, events: 0, censored: 0 },
        responderRates: [],
      }),
    );
    expect(text(page.querySelector('.empty'))).toBe('No discharged admissions match these filters.');
    expect(page.querySelector('svg[role="img"]')).toBeNull();
  });

  it('compares groups with the log-rank p and sends the filters chosen', async () => {
    await openWith(aReport());
    choose(select(page, 'Compare groups'), 'By indication');
    choose(select(page, 'Indication'), 'Post-herpetic neuralgia');
    button(page, 'Show report').click();
    const request = http.expectOne((r) => r.url === '/api/reports/outcomes');
    expect(request.request.params.get('groupBy')).toBe('indication');
    expect(request.request.params.get('indication')).toBe('post-herpetic-neuralgia');
    const group = {
      key: 'post-herpetic-neuralgia',
      label: 'Post-herpetic neuralgia',
      discharged: 7,
      ...aReport().overall,
    };
    request.flush(
      aReport({
        groups: [group, { ...group, key: 'crps', label: 'CRPS' }],
        logRank: { chiSquare: 4.2, df: 1, p: 0.0404 },
      }),
    );
    await fixture.whenStable();
    expect(text(page.querySelector('.log-rank'))).toBe(
      'Log-rank test: χ² = 4.20 on 1 degrees of freedom, p = 0.040.',
    );
    expect(page.querySelectorAll('.legend li')).toHaveLength(2);
    expect(link(page, 'Download the number-at-risk table (CSV)').getAttribute('href')).toBe(
      '/api/exports/outcome-report.csv?table=risk-table&indication=post-herpetic-neuralgia&groupBy=indication&threshold=30&nonResponders=exclude',
    );
    // The analysis data set comes with the same filters, and counts its rows against the cohort's.
    button(page, 'Download the analysis data set (CSV)').click();
    const csv = http.expectOne(
      '/api/exports/outcome-analysis.csv?indication=post-herpetic-neuralgia&threshold=30&nonResponders=exclude',
    );
    csv.event({
      type: HttpEventType.DownloadProgress,
      loaded: 40,
      partialText: 'study_id,indication\nS1,phn\nS2,phn\n',
    });
    await fixture.whenStable();
    expect(text(page.querySelector('app-csv-download [role="status"]'))).toBe(
      'Downloading: 2 of 7 admissions (40 bytes)',
    );
    csv.flush('');
  });

  it('lists the admissions behind a number, without names or MRNs when the server hides them', async () => {
    await openWith(aReport());
    button(page, '5').click();
    const request = http.expectOne((r) => r.url === '/api/reports/outcomes/admissions');
    expect(request.request.params.get('cell')).toBe('responders');
    expect(request.request.params.get('threshold')).toBe('30');
    request.flush({
      cell: 'responders',
      group: null,
      count: 1,
      identified: false,
      truncated: false,
      items: [
        {
          admissionId: 'a1',
          studyId: 'S-0123456789AB',
          ward: 'Pain Medicine Unit',
          indication: 'crps',
          drug: 'ketamine',
          admittedOn: '2026-05-01',
          dischargedOn: '2026-05-06',
          patient: null,
        },
      ],
    });
    await fixture.whenStable();
    const heading = page.querySelector('#drill-down-heading');
    expect(text(heading)).toBe('Admissions behind: Responders at discharge');
    expect(text(page.querySelector('.drill-down-count'))).toContain('1 admission. Names and MRNs are hidden');
    const table = page.querySelector('table[aria-label="Admissions behind the number"]')!;
    expect(Array.from(table.querySelectorAll('th[scope="col"]')).map((th) => text(th))).not.toContain('MRN');
    expect(text(table.querySelector('tbody tr'))).toContain('S-0123456789AB');

    // A cell of the responder rates asks for its week.
    const week1 = page.querySelector('table[aria-label^="Responders"] tbody tr')!;
    (Array.from(week1.querySelectorAll('button')).find((b) => text(b) === '3') as HTMLButtonElement).click();
    expect(
      http.expectOne((r) => r.url === '/api/reports/outcomes/admissions').request.params.get('cell'),
    ).toBe('week-1-done');
  });
});
