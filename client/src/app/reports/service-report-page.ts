import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { Proportion, ServiceReport, ServiceReportFilter } from '../core/api-types';
import { percent, percentInterval } from './outcome-words';
import { ReportsApi, ServiceTableName, serviceTableCsvUrl } from './reports.api';
import { COHORT_FILTER_CONTROLS, ReportFilterFields, cohortFilter } from './report-filter-fields';

/** The month bar chart's drawing box (SVG user units). */
const CHART = { width: 640, height: 200, left: 36, bottom: 28, top: 12 };

/**
 * How the service runs, for the audit meeting: admissions per month, length of stay, pauses and their
 * reasons, side effects by grade, highest sedation, NEWS2 5+ episodes, pump checks, observation sets
 * on time and follow-up completion. Aggregate figures only; every bar has its number in a table.
 */
@Component({
  selector: 'app-service-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, ReportFilterFields],
  templateUrl: './service-report-page.html',
  styleUrl: './service-report-page.scss',
})
export class ServiceReportPage {
  private readonly api = inject(ReportsApi);

  protected readonly percent = percent;
  protected readonly box = CHART;

  protected readonly form = inject(FormBuilder).nonNullable.group(COHORT_FILTER_CONTROLS);

  protected readonly report = signal<ServiceReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  private readonly filter = signal<ServiceReportFilter>({});

  /** One bar per month, scaled to the busiest month; labels every few months so they do not collide. */
  protected readonly monthBars = computed(() => {
    const months = this.report()?.admissionsPerMonth ?? [];
    if (!months.length) return null;
    const most = Math.max(1, ...months.map((m) => m.admissions));
    const plotWidth = CHART.width - CHART.left;
    const plotHeight = CHART.height - CHART.bottom - CHART.top;
    const slot = plotWidth / months.length;
    const labelEvery = Math.max(1, Math.ceil(months.length / 12));
    return {
      most,
      bars: months.map((m, index) => {
        const height = (m.admissions / most) * plotHeight;
        return {
          ...m,
          x: CHART.left + index * slot + slot * 0.1,
          width: Math.max(1, slot * 0.8),
          y: CHART.top + plotHeight - height,
          height,
          label: index % labelEvery === 0 ? m.month : null,
          labelX: CHART.left + index * slot + slot / 2,
        };
      }),
      summary: `Admissions per month from ${months[0].month} to ${months[months.length - 1].month}; the busiest month had ${most}.`,
    };
  });

  constructor() {
    this.load();
  }

  /** "3.0 days (IQR 2.0 to 4.3)". */
  protected days(value: number | null): string {
    return value === null ? '—' : `${value.toFixed(1)} days`;
  }

  /** "6 of 8: 75 % (41 % to 93 %)". */
  protected share(proportion: Proportion, of: number): string {
    if (proportion.estimate === null) return `${proportion.count} of ${of}`;
    return `${proportion.count} of ${of}: ${percent(proportion.estimate)} (${percentInterval(proportion.lower, proportion.upper)})`;
  }

  /** A bar's share of the admissions, for the width of the graded bars (numbers are in the cells). */
  protected width(count: number, total: number): string {
    return total ? `${(100 * count) / total}%` : '0';
  }

  /** Where the browser downloads one table of the report, with the filters it shows. */
  protected tableCsvUrl(table: ServiceTableName): string {
    return serviceTableCsvUrl(table, this.filter());
  }

  protected load(): void {
    const filter: ServiceReportFilter = cohortFilter(this.form.getRawValue());
    this.filter.set(filter);
    this.loading.set(true);
    this.failed.set(false);
    this.api.service(filter).subscribe({
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
