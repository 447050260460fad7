import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Admission, DischargeRequest, Problem } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { notInTheFuture } from '../shared/clinical-time-field';
import { ProblemMessage } from '../shared/problem-message';
import { wardTimeToInstant } from '../shared/ward-time';
import { AdmissionsApi } from './admissions.api';
import { sendAdmissionChange } from './stale-version';

/** Ends the admission with a short summary; one whose infusion never started also says why. */
@Component({
  selector: 'app-discharge-form',
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
  ],
  template: `
    <section class="panel" #panel tabindex="-1" aria-labelledby="discharge-heading">
      <h2 id="discharge-heading">Discharge</h2>
      <form [formGroup]="form" (ngSubmit)="save()">
        <mat-form-field class="field">
          <mat-label>Discharge summary</mat-label>
          <textarea matInput formControlName="summary" rows="3" required></textarea>
          <mat-error>Write a short summary.</mat-error>
        </mat-form-field>
        @if (neverStarted()) {
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Reason the infusion never started</mat-label>
            <input matInput formControlName="reason" autocomplete="off" required />
            <mat-hint>The infusion was not started during this admission</mat-hint>
            <mat-error>Say why the infusion never started.</mat-error>
          </mat-form-field>
        }
        <mat-form-field class="field" subscriptSizing="dynamic">
          <mat-label>When (ward time)</mat-label>
          <input matInput type="datetime-local" formControlName="when" />
          <mat-hint>Leave empty for now, or give the earlier time of discharge</mat-hint>
          <mat-error>The time cannot be in the future.</mat-error>
        </mat-form-field>
        <div role="alert">
          @if (problem(); as problem) {
            <app-problem-message class="failure" [problem]="problem" [fieldLabels]="fieldLabels" />
          }
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="saving()">Record discharge</button>
          <button mat-button type="button" (click)="closed.emit()">Close</button>
        </div>
      </form>
    </section>
  `,
  styleUrl: './action-panel.scss',
})
export class DischargeForm {
  readonly admission = input.required<Admission>();
  readonly saved = output<Admission>();
  readonly stale = output<Admission>();
  readonly closed = output();

  private readonly api = inject(AdmissionsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  protected readonly neverStarted = computed(() => this.admission().status === 'admitted');
  protected readonly fieldLabels = {
    summary: 'Discharge summary',
    reason: 'Reason the infusion never started',
    dischargedAt: 'When (ward time)',
  };
  protected readonly form = inject(NonNullableFormBuilder).group({
    summary: ['', Validators.required],
    reason: [''],
    when: ['', notInTheFuture(() => this.clock.now(), this.appInfo.wardTimeZone)],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  constructor() {
    afterNextRender(() => this.panel().nativeElement.focus());
  }

  protected save(): void {
    const { summary, reason, when } = this.form.getRawValue();
    const reasonMissing = this.neverStarted() && !reason.trim();
    if (reasonMissing) {
      this.form.controls.reason.setErrors({ required: true });
    }
    if (this.form.invalid || reasonMissing) {
      this.form.markAllAsTouched();
      return;
    }
    const admission = this.admission();
    const request: DischargeRequest = { version: admission.version, summary: summary.trim() };
    if (this.neverStarted()) {
      request.reason = reason.trim();
    }
    if (when) {
      request.dischargedAt = wardTimeToInstant(when, this.appInfo.wardTimeZone());
    }
    sendAdmissionChange(
      { saving: this.saving, problem: this.problem, saved: this.saved, stale: this.stale },
      this.api.discharge(admission.id, request),
    );
  }
}
