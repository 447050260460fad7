import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  NonResponderMode,
  OutcomeDrillDown,
  OutcomeReport,
  OutcomeReportFilter,
  ReportGroupBy,
  ResponderThreshold,
} from '../core/api-types';
import { RISK_TABLE_DAYS } from '@infusion-tracker/clinical';
import { DRUG_LABELS, INDICATION_LABELS } from '../shared/admission-labels';
import { riskTable } from './km-chart';
import { KmPlot, PlottedCurve } from './km-plot';
import { daysInWords, medianInWords, percent, percentInterval, pValue } from './outcome-words';
import { OutcomeTableName, ReportsApi, outcomeTableCsvUrl } from './reports.api';
import { CsvDownload } from './csv-download';
import { ReportFilterFields, cohortFilter } from './report-filter-fields';

/**
 * How long benefit lasts and who responds, for the audit meeting: the Kaplan-Meier curve with its
 * risk table, the median, survival at 4/8/12/26 weeks, groups with the log-rank test, responder rates
 * with Wilson intervals, and the de-identified analysis data set to download.
 */
@Component({
  selector: 'app-outcome-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    KmPlot,
    ReportFilterFields,
    CsvDownload,
  ],
  templateUrl: './outcome-report-page.html',
  styleUrl: './outcome-report-page.scss',
})
export class OutcomeReportPage {
  private readonly api = inject(ReportsApi);

  protected readonly indicationLabels = INDICATION_LABELS;
  protected readonly drugLabels = DRUG_LABELS;
  protected readonly riskDays = RISK_TABLE_DAYS;
  protected readonly percent = percent;
  protected readonly percentInterval = percentInterval;
  protected readonly daysInWords = daysInWords;
  protected readonly medianInWords = medianInWords;
  protected readonly pValue = pValue;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    dischargedFrom: '',
    dischargedTo: '',
    indication: '',
    ward: '',
    drug: '',
    groupBy: 'none' as ReportGroupBy,
    threshold: '30',
    nonResponders: 'exclude' as NonResponderMode,
  });

  protected readonly report = signal<OutcomeReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  private readonly filter = signal<OutcomeReportFilter>({});

  protected readonly csvUrl = computed(() => this.api.analysisCsvUrl(this.filter()));

  /** The curves on the plot: the groups when grouped, otherwise everyone on the curve. */
  protected readonly curves = computed<PlottedCurve[]>(() => {
    const report = this.report();
    if (!report) return [];
    if (report.groups.length) return report.groups.filter((group) => group.n > 0);
    return [{ label: 'All', ...report.overall }];
  });

  protected readonly riskRows = computed(() =>
    this.curves().map((curve) => ({
      label: curve.label,
      group: 'key' in curve ? (curve.key as string) : undefined,
      cells: riskTable(curve.steps, curve.n, RISK_TABLE_DAYS),
    })),
  );

  /** The admissions behind the number last clicked: its words, then the list (or the failure). */
  protected readonly drillDown = signal<{
    label: string;
    result: OutcomeDrillDown | null;
    failed: boolean;
  } | null>(null);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly injector = inject(Injector);

  constructor() {
    this.load();
  }

  /** "12 admissions, the first 500 listed. Names and MRNs are hidden from auditors; ..." */
  protected drillDownWords(result: OutcomeDrillDown): string {
    const listed = result.truncated ? `, the first ${result.items.length} listed` : '';
    const hidden = result.identified
      ? ''
      : " Names and MRNs are hidden from auditors; the study id is the analysis data set's.";
    return `${result.count} ${result.count === 1 ? 'admission' : 'admissions'}${listed}.${hidden}`;
  }

  /** Lists the admissions a number counts, with the filters the report shows, and moves focus there. */
  protected drill(cell: string, label: string, group?: string): void {
    this.drillDown.set({ label, result: null, failed: false });
    afterNextRender(() => this.host.nativeElement.querySelector('#drill-down-heading')?.focus(), {
      injector: this.injector,
    });
    this.api.outcomeAdmissions(this.filter(), cell, group).subscribe({
      next: (result) => this.drillDown.set({ label, result, failed: false }),
      error: () => this.drillDown.set({ label, result: null, failed: true }),
    });
  }

  /** Where the browser downloads one table of the report, with the filters it shows. */
  protected tableCsvUrl(table: OutcomeTableName): string {
    return outcomeTableCsvUrl(table, this.filter());
  }

  protected load(): void {
    const value = this.form.getRawValue();
    const filter: OutcomeReportFilter = {
      ...cohortFilter(value),
      groupBy: value.groupBy,
      threshold: Number(value.threshold) as ResponderThreshold,
      nonResponders: value.nonResponders,
    };
    this.filter.set(filter);
    this.drillDown.set(null);
    this.loading.set(true);
    this.failed.set(false);
    this.api.outcomes(filter).subscribe({
      next: (report) => {
        this.report.set(report);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
