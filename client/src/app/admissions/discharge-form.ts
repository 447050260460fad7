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
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Admission, DischargeRequest, Problem } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { notInTheFuture } from '../shared/clinical-time-field';
import { PGIC_QUESTION, PGIC_SCORES, pgicWords } from '../shared/follow-up-labels';
import { PainChangeSummary } from '../shared/pain-change-summary';
import { ProblemMessage } from '../shared/problem-message';
import { typedNumber, typedValue } from '../shared/typed-number';
import { wardTimeToInstant } from '../shared/ward-time';
import { AdmissionsApi } from './admissions.api';
import { sendAdmissionChange } from './stale-version';
import { WardDateInput } from '../shared/ward-date-input';

/** Ends the admission with a short summary; one whose infusion never started also says why. */
@Component({
  selector: 'app-discharge-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    WardDateInput,
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    PainChangeSummary,
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
        <fieldset>
          <legend>Where the patient is now</legend>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Pain at discharge (NRS 0-10)</mat-label>
            <input
              matInput
              inputmode="numeric"
              formControlName="painAtDischarge"
              autocomplete="off"
              [required]="!neverStarted()"
            />
            <mat-hint>
              0 no pain, 10 worst imaginable{{
                neverStarted() ? '; optional, the infusion never started' : ''
              }}
            </mat-hint>
            <mat-error>Enter a whole number from 0 to 10.</mat-error>
          </mat-form-field>
          <app-pain-change-summary
            [baseline]="admission().baselinePain"
            [now]="painNow()"
            nowLabel="Pain at discharge"
          />
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>PGIC at discharge</mat-label>
            <select matNativeControl formControlName="pgicAtDischarge">
              <option value="">Not asked</option>
              @for (score of pgicScores; track score) {
                <option [value]="score">{{ pgicWords(score) }}</option>
              }
            </select>
            <mat-hint>{{ pgicQuestion }}…; optional</mat-hint>
          </mat-form-field>
        </fieldset>
        <mat-form-field class="field" subscriptSizing="dynamic">
          <mat-label>When (ward time)</mat-label>
          <input matInput appWardDate="datetime" formControlName="when" />
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
    painAtDischarge: 'Pain at discharge (NRS 0-10)',
    pgicAtDischarge: 'PGIC at discharge',
  };
  protected readonly pgicScores = PGIC_SCORES;
  protected readonly pgicWords = pgicWords;
  protected readonly pgicQuestion = PGIC_QUESTION;
  protected readonly form = inject(NonNullableFormBuilder).group({
    summary: ['', Validators.required],
    reason: [''],
    painAtDischarge: ['', typedNumber({ places: 0, min: 0, max: 10 })],
    pgicAtDischarge: [''],
    when: ['', notInTheFuture(() => this.clock.now(), this.appInfo.wardTimeZone)],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly painText = toSignal(this.form.controls.painAtDischarge.valueChanges, {
    initialValue: '',
  });
  /** The score typed, once it is one; the change from baseline follows it. */
  protected readonly painNow = computed(() => {
    const text = this.painText();
    return this.form.controls.painAtDischarge.valid ? (typedValue(text) ?? null) : null;
  });

  constructor() {
    afterNextRender(() => this.panel().nativeElement.focus());
  }

  protected save(): void {
    const { summary, reason, when, painAtDischarge, pgicAtDischarge } = this.form.getRawValue();
    const reasonMissing = this.neverStarted() && !reason.trim();
    if (reasonMissing) {
      this.form.controls.reason.setErrors({ required: true });
    }
    // Pain at discharge is the first outcome compared with baseline: required once the infusion ran.
    const painMissing = !this.neverStarted() && !painAtDischarge.trim();
    if (painMissing) {
      this.form.controls.painAtDischarge.setErrors({ required: true });
    }
    if (this.form.invalid || reasonMissing || painMissing) {
      this.form.markAllAsTouched();
      return;
    }
    const admission = this.admission();
    const request: DischargeRequest = { version: admission.version, summary: summary.trim() };
    if (this.neverStarted()) {
      request.reason = reason.trim();
    }
    const pain = typedValue(painAtDischarge);
    if (pain !== undefined) {
      request.painAtDischarge = pain;
    }
    if (pgicAtDischarge) {
      request.pgicAtDischarge = Number(pgicAtDischarge);
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
