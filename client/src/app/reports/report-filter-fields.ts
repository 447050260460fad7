import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DRUGS, INDICATIONS, ServiceReportFilter } from '../core/api-types';
import { DRUG_LABELS, INDICATION_LABELS } from '../shared/admission-labels';
import { WardDateInput } from '../shared/ward-date-input';

/** Which cohort filters a report offers, and the form controls that hold them (all strings, '' for any). */
export const COHORT_FILTER_CONTROLS = {
  admittedFrom: '',
  admittedTo: '',
  dischargedFrom: '',
  dischargedTo: '',
  indication: '',
  ward: '',
  drug: '',
};
export type CohortFilterValue = typeof COHORT_FILTER_CONTROLS;
export type CohortDates = 'admitted' | 'discharged';

/**
 * The filter the API takes from the form's values: only the filters the form has and the person chose
 * (blanks left out, text trimmed), in the order of COHORT_FILTER_CONTROLS.
 */
export function cohortFilter(value: Partial<CohortFilterValue>): ServiceReportFilter {
  const filter: Record<string, string> = {};
  for (const key of Object.keys(COHORT_FILTER_CONTROLS) as (keyof CohortFilterValue)[]) {
    const chosen = value[key]?.trim();
    if (chosen) filter[key] = chosen;
  }
  return filter as ServiceReportFilter;
}

const DATE_WORDS: Record<CohortDates, string> = { admitted: 'Admitted', discharged: 'Discharged' };

/**
 * The cohort filters the reports share (date ranges, indication, ward, drug), as fields of the page's
 * own form: the page's `[formGroup]` holds controls named as in COHORT_FILTER_CONTROLS, and its layout
 * places these fields in its rows.
 */
@Component({
  selector: 'app-report-filter-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, WardDateInput],
  // The fields bind to the form of the page that holds this component.
  viewProviders: [
    { provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) },
  ],
  template: `
    @for (dates of dateRanges(); track dates) {
      <mat-form-field>
        <mat-label>{{ dateWords[dates] }} from</mat-label>
        <input matInput appWardDate [formControlName]="dates + 'From'" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ dateWords[dates] }} to</mat-label>
        <input matInput appWardDate [formControlName]="dates + 'To'" />
      </mat-form-field>
    }
    <mat-form-field>
      <mat-label>Indication</mat-label>
      <select matNativeControl formControlName="indication">
        <option value="">All indications</option>
        @for (indication of indications; track indication) {
          <option [value]="indication">{{ indicationLabels[indication] }}</option>
        }
      </select>
    </mat-form-field>
    <mat-form-field>
      <mat-label>Ward</mat-label>
      <input matInput formControlName="ward" autocomplete="off" placeholder="All wards" />
    </mat-form-field>
    <mat-form-field>
      <mat-label>Drug</mat-label>
      <select matNativeControl formControlName="drug">
        <option value="">All drugs</option>
        @for (drug of drugs; track drug) {
          <option [value]="drug">{{ drugLabels[drug] }}</option>
        }
      </select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ReportFilterFields {
  /** The date ranges offered, in order: the outcome report counts from discharge only. */
  readonly dateRanges = input<readonly CohortDates[]>(['discharged']);

  protected readonly dateWords = DATE_WORDS;
  protected readonly indications = INDICATIONS;
  protected readonly drugs = DRUGS;
  protected readonly indicationLabels = INDICATION_LABELS;
  protected readonly drugLabels = DRUG_LABELS;
}
