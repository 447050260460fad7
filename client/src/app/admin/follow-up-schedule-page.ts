import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { FollowUpSchedule, FollowUpScheduleRequest, Problem } from '../core/api-types';
import { toProblem } from '../core/problem';
import { FollowUpsApi } from '../follow-ups/follow-ups.api';
import { ProblemMessage } from '../shared/problem-message';
import { typedNumber } from '../shared/typed-number';
import { WardTimePipe } from '../shared/ward-time';

type ScheduleRow = FormGroup<{ weeks: FormControl<string>; windowDays: FormControl<string> }>;

/** ADR 4: 1-20 entries, weeks strictly increasing. */
const MAX_ROWS = 20;

function scheduleRow(weeks = '', windowDays = ''): ScheduleRow {
  return new FormGroup({
    weeks: new FormControl(weeks, {
      nonNullable: true,
      validators: [Validators.required, typedNumber({ places: 0, min: 1, max: 104 })],
    }),
    windowDays: new FormControl(windowDays, {
      nonNullable: true,
      validators: [Validators.required, typedNumber({ places: 0, min: 0, max: 28 })],
    }),
  });
}

function weeksIncreasing(control: AbstractControl): ValidationErrors | null {
  const rows = (control as FormArray<ScheduleRow>).getRawValue();
  const weeks = rows.map((row) => Number(row.weeks));
  return weeks.every((value, index) => index === 0 || value > weeks[index - 1]) ? null : { order: true };
}

/**
 * The service's follow-up schedule (admin): when after discharge each follow-up is due and how wide its
 * window is, and after how many failed attempts one counts as missed. Saving makes a new version;
 * follow-ups already scheduled keep their dates.
 */
@Component({
  selector: 'app-follow-up-schedule-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    ProblemMessage,
    WardTimePipe,
  ],
  templateUrl: './follow-up-schedule-page.html',
  styleUrl: './follow-up-schedule-page.scss',
})
export class FollowUpSchedulePage {
  private readonly api = inject(FollowUpsApi);

  protected readonly maxRows = MAX_ROWS;
  protected readonly fieldLabels = {
    items: 'Follow-ups',
    failedAttemptLimit: 'Failed attempts before missed',
  };
  protected readonly schedule = signal<FollowUpSchedule | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly statusMessage = signal<string | null>(null);

  protected readonly form = new FormGroup({
    items: new FormArray<ScheduleRow>(
      [],
      [Validators.minLength(1), Validators.maxLength(MAX_ROWS), weeksIncreasing],
    ),
    failedAttemptLimit: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, typedNumber({ places: 0, min: 1, max: 10 })],
    }),
  });

  constructor() {
    this.api.schedule().subscribe({
      next: (schedule) => this.show(schedule),
      error: () => this.loadFailed.set(true),
    });
  }

  protected addRow(): void {
    this.form.controls.items.push(scheduleRow());
  }

  protected removeRow(index: number): void {
    this.form.controls.items.removeAt(index);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: FollowUpScheduleRequest = {
      items: value.items.map((row) => ({ weeks: Number(row.weeks), windowDays: Number(row.windowDays) })),
      failedAttemptLimit: Number(value.failedAttemptLimit),
    };
    this.saving.set(true);
    this.problem.set(null);
    this.statusMessage.set(null);
    this.api.changeSchedule(request).subscribe({
      next: (schedule) => {
        this.saving.set(false);
        this.show(schedule);
        this.statusMessage.set(
          `Saved as version ${schedule.version}. It applies to patients discharged from now on; follow-ups already scheduled keep their dates.`,
        );
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private show(schedule: FollowUpSchedule): void {
    this.schedule.set(schedule);
    const items = this.form.controls.items;
    items.clear();
    for (const item of schedule.items) {
      items.push(scheduleRow(String(item.weeks), String(item.windowDays)));
    }
    this.form.controls.failedAttemptLimit.setValue(String(schedule.failedAttemptLimit));
    this.form.markAsPristine();
  }
}
