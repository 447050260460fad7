import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { distinctUntilChanged, map, startWith } from 'rxjs';
import {
  CreateAdmissionRequest,
  DRUGS,
  Drug,
  INDICATIONS,
  Indication,
  Patient,
  Problem,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { toProblem } from '../core/problem';
import { PatientsApi } from '../patients/patients.api';
import { SEX_LABELS, formatCalendarDate, patientName } from '../shared/patient-identity';
import { ProblemMessage } from '../shared/problem-message';
import { typedNumber, typedValue } from '../shared/typed-number';
import { DRUG_LABELS, INDICATION_LABELS } from '../shared/admission-labels';
import { AdmissionsApi } from './admissions.api';
import { WardDateInput } from '../shared/ward-date-input';

/** The prescriber admits a patient: where, why, for how long, and the baseline to compare outcomes with. */
@Component({
  selector: 'app-admit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    WardDateInput,
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    ProblemMessage,
  ],
  templateUrl: './admit-page.html',
  styleUrl: './admit-page.scss',
})
export class AdmitPage {
  /** Route parameter. */
  readonly patientId = input.required<string>();

  private readonly patientsApi = inject(PatientsApi);
  private readonly api = inject(AdmissionsApi);
  private readonly router = inject(Router);
  private readonly appInfo = inject(AppInfoStore);

  protected readonly indications = INDICATIONS;
  protected readonly indicationLabels = INDICATION_LABELS;
  protected readonly drugs = DRUGS;
  protected readonly drugLabels = DRUG_LABELS;
  protected readonly sexLabels = SEX_LABELS;
  protected readonly patientName = patientName;
  protected readonly formatCalendarDate = formatCalendarDate;
  protected readonly fieldLabels = {
    ward: 'Ward',
    bed: 'Bed',
    indication: 'Indication',
    indicationOther: 'Other indication',
    drug: 'Drug',
    drugOther: 'Other drug',
    plannedDays: 'Planned days',
    weightKg: 'Weight (kg)',
    weightMeasuredOn: 'Weight measured on',
    baselinePain: 'Baseline pain (NRS 0-10)',
    baselineBpiInterference: 'Baseline BPI interference (0-10)',
  };

  protected readonly patient = signal<Patient | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    ward: [this.appInfo.wardName(), Validators.required],
    bed: ['', Validators.required],
    indication: ['' as Indication | '', Validators.required],
    indicationOther: [''],
    drug: ['ketamine' as Drug, Validators.required],
    drugOther: [''],
    plannedDays: ['', [Validators.required, typedNumber({ places: 0, min: 1, max: 28 })]],
    weightKg: ['', typedNumber({ places: 1, min: 2, max: 400 })],
    weightMeasuredOn: [''],
    baselinePain: ['', [Validators.required, typedNumber({ places: 0, min: 0, max: 10 })]],
    baselineBpiInterference: ['', typedNumber({ places: 1, min: 0, max: 10 })],
    consentObtained: [false],
    planned: [false],
  });

  protected readonly indication = toSignal(this.form.controls.indication.valueChanges, {
    initialValue: this.form.controls.indication.value,
  });
  protected readonly drug = toSignal(this.form.controls.drug.valueChanges, {
    initialValue: this.form.controls.drug.value,
  });

  constructor() {
    effect(() => {
      const id = this.patientId();
      untracked(() => this.patientsApi.get(id).subscribe((patient) => this.patient.set(patient)));
    });
    // "Other" needs its words; the field is required only while it shows.
    this.requireWhen('indicationOther', this.form.controls.indication, (value) => value === 'other');
    this.requireWhen('drugOther', this.form.controls.drug, (value) => value === 'other');
    // A weight needs the date it was measured: an old weight is a different fact from today's.
    this.requireWhen('weightMeasuredOn', this.form.controls.weightKg, (value) => value.trim() !== '');
  }

  protected admit(): void {
    const patient = this.patient();
    if (!patient || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.create(this.request(patient)).subscribe({
      next: (admission) => void this.router.navigate(['/admissions', admission.id]),
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private request(patient: Patient): CreateAdmissionRequest {
    const value = this.form.getRawValue();
    const request: CreateAdmissionRequest = {
      patientId: patient.id,
      ward: value.ward.trim(),
      bed: value.bed.trim(),
      indication: value.indication as Indication,
      drug: value.drug,
      plannedDays: Number(value.plannedDays),
      baselinePain: Number(value.baselinePain),
      consentObtained: value.consentObtained,
      planned: value.planned,
    };
    if (value.indication === 'other') {
      request.indicationOther = value.indicationOther.trim();
    }
    if (value.drug === 'other') {
      request.drugOther = value.drugOther.trim();
    }
    const weightKg = typedValue(value.weightKg);
    if (weightKg !== undefined) {
      request.weightKg = weightKg;
      request.weightMeasuredOn = value.weightMeasuredOn;
    }
    const bpi = typedValue(value.baselineBpiInterference);
    if (bpi !== undefined) {
      request.baselineBpiInterference = bpi;
    }
    return request;
  }

  private requireWhen(
    name: 'indicationOther' | 'drugOther' | 'weightMeasuredOn',
    source: AbstractControl<string>,
    needed: (value: string) => boolean,
  ): void {
    const control = this.form.controls[name];
    source.valueChanges
      .pipe(startWith(source.value), map(needed), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((required) => {
        control.setValidators(required ? Validators.required : null);
        control.updateValueAndValidity();
      });
  }
}
