import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ObservationSchedule, Problem } from '../core/api-types';
import { toProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';
import { WardTimePipe } from '../shared/ward-time';
import { AdmissionsApi } from './admissions.api';

/** "4 h", "30 min", "1 h 30 min": the words a ward uses for an interval. */
export function interval(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ') || '0 min';
}

const whole = (min: number, max: number) => [
  Validators.required,
  Validators.pattern(/^\d+$/),
  Validators.min(min),
  Validators.max(max),
];

/** How often observations are due for this admission, and (prescriber) a form to change it. */
@Component({
  selector: 'app-observation-schedule-panel',
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
  template: `
    <p>
      Every <strong>{{ words().routine }}</strong>; every <strong>{{ words().intensified }}</strong> for
      {{ words().intensifiedFor }} after a start, resume or rate change.
      @if (schedule().setAt; as setAt) {
        <span class="secondary">Set {{ setAt | wardTime: 'minute' }}.</span>
      } @else {
        <span class="secondary">The ward's default: no schedule has been set for this admission.</span>
      }
      A NEWS2 band or POSS 3-4 shortens it.
    </p>
    @if (canChange()) {
      @if (!editing()) {
        <button mat-stroked-button type="button" (click)="edit()">Change the schedule</button>
      } @else {
        <form [formGroup]="form" (ngSubmit)="save()" aria-label="Observation schedule">
          <mat-form-field>
            <mat-label>Routine interval (minutes)</mat-label>
            <input matInput inputmode="numeric" formControlName="routineMinutes" autocomplete="off" />
            <mat-hint>15 to 720</mat-hint>
            <mat-error>A whole number of minutes from 15 to 720.</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>After a change, every (minutes)</mat-label>
            <input matInput inputmode="numeric" formControlName="intensifiedMinutes" autocomplete="off" />
            <mat-hint>5 up to the routine interval</mat-hint>
            <mat-error>A whole number of minutes from 5 to 720.</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>For how long (minutes)</mat-label>
            <input matInput inputmode="numeric" formControlName="intensifiedForMinutes" autocomplete="off" />
            <mat-error>A whole number of minutes from 0 to 1440.</mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="saving()">Save the schedule</button>
          <button mat-button type="button" (click)="editing.set(false)">Cancel</button>
          @if (problem(); as problem) {
            <app-problem-message [problem]="problem" />
          }
        </form>
      }
    }
  `,
  styles: `
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: baseline;
    }
    .secondary {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ObservationSchedulePanel {
  readonly admissionId = input.required<string>();
  readonly schedule = input.required<ObservationSchedule>();
  readonly canChange = input(false);
  readonly changed = output<void>();

  private readonly api = inject(AdmissionsApi);

  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly words = computed(() => ({
    routine: interval(this.schedule().routineMinutes),
    intensified: interval(this.schedule().intensifiedMinutes),
    intensifiedFor: interval(this.schedule().intensifiedForMinutes),
  }));
  protected readonly form = new FormGroup({
    routineMinutes: new FormControl('', { nonNullable: true, validators: whole(15, 720) }),
    intensifiedMinutes: new FormControl('', { nonNullable: true, validators: whole(5, 720) }),
    intensifiedForMinutes: new FormControl('', { nonNullable: true, validators: whole(0, 1440) }),
  });

  protected edit(): void {
    const schedule = this.schedule();
    this.form.setValue({
      routineMinutes: String(schedule.routineMinutes),
      intensifiedMinutes: String(schedule.intensifiedMinutes),
      intensifiedForMinutes: String(schedule.intensifiedForMinutes),
    });
    this.problem.set(null);
    this.editing.set(true);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.api
      .setObservationSchedule(this.admissionId(), {
        routineMinutes: Number(value.routineMinutes),
        intensifiedMinutes: Number(value.intensifiedMinutes),
        intensifiedForMinutes: Number(value.intensifiedForMinutes),
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.editing.set(false);
          this.changed.emit();
        },
        error: (error: HttpErrorResponse) => {
          this.saving.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }
}
