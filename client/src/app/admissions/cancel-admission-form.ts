import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Admission, Problem } from '../core/api-types';
import { ProblemMessage } from '../shared/problem-message';
import { AdmissionsApi } from './admissions.api';
import { sendAdmissionChange } from './stale-version';

/** Cancels a planned admission that will not happen, with the reason. */
@Component({
  selector: 'app-cancel-admission-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, ProblemMessage],
  template: `
    <section class="panel" #panel tabindex="-1" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel the planned admission</h2>
      <form [formGroup]="form" (ngSubmit)="save()">
        <mat-form-field class="field">
          <mat-label>Reason for cancelling</mat-label>
          <input matInput formControlName="reason" autocomplete="off" required />
          <mat-error>Give the reason for cancelling.</mat-error>
        </mat-form-field>
        <div role="alert">
          @if (problem(); as problem) {
            <app-problem-message class="failure" [problem]="problem" />
          }
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="saving()">Confirm cancellation</button>
          <button mat-button type="button" (click)="closed.emit()">Keep the admission</button>
        </div>
      </form>
    </section>
  `,
  styleUrl: './action-panel.scss',
})
export class CancelAdmissionForm {
  readonly admission = input.required<Admission>();
  readonly saved = output<Admission>();
  readonly stale = output<Admission>();
  readonly closed = output();

  private readonly api = inject(AdmissionsApi);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  protected readonly form = inject(NonNullableFormBuilder).group({ reason: ['', Validators.required] });
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  constructor() {
    afterNextRender(() => this.panel().nativeElement.focus());
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const admission = this.admission();
    sendAdmissionChange(
      { saving: this.saving, problem: this.problem, saved: this.saved, stale: this.stale },
      this.api.cancel(admission.id, {
        version: admission.version,
        reason: this.form.getRawValue().reason.trim(),
      }),
    );
  }
}
