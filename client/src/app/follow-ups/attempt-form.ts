import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
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
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { Observable } from 'rxjs';
import {
  ATTEMPT_RESULTS,
  AttemptResult,
  CONTACT_METHODS,
  ContactMethod,
  CreateAttemptRequest,
  FollowUp,
  Problem,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { toProblem } from '../core/problem';
import { notInTheFuture } from '../shared/clinical-time-field';
import { fieldProblems } from '../shared/field-problems';
import { ATTEMPT_RESULT_LABELS, CONTACT_METHOD_LABELS } from '../shared/follow-up-labels';
import { ProblemMessage } from '../shared/problem-message';
import { wardDate, wardTimeToInstant } from '../shared/ward-time';
import { FollowUpsApi } from './follow-ups.api';
import { WardDateInput } from '../shared/ward-date-input';

/**
 * Records one contact attempt for a follow-up: how, when, what came of it. A patient who declines is
 * asked about, not assumed: the person decides whether to record them as withdrawn from follow-up.
 */
@Component({
  selector: 'app-attempt-form',
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
    MatRadioGroup,
    MatRadioButton,
    ProblemMessage,
  ],
  template: `
    <section class="panel" #panel tabindex="-1" [attr.aria-labelledby]="headingId">
      <h3 [id]="headingId">Contact attempt: {{ patientName() }}, {{ followUpLabel() }}</h3>
      @if (!askWithdrawal()) {
        <form [formGroup]="form" (ngSubmit)="save()" aria-label="Contact attempt">
          <mat-form-field class="field">
            <mat-label>Method</mat-label>
            <select matNativeControl formControlName="method" required>
              @for (method of methods; track method) {
                <option [value]="method">{{ methodLabels[method] }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>When (ward time)</mat-label>
            <input matInput appWardDate="datetime" formControlName="when" />
            <mat-hint>Leave empty for now, or give the earlier time of the attempt</mat-hint>
            <mat-error>The time cannot be in the future.</mat-error>
          </mat-form-field>
          @for (message of serverErrors('at'); track message) {
            <p class="field-error">{{ message }}</p>
          }
          <fieldset>
            <legend>Result</legend>
            <mat-radio-group class="choices" formControlName="result" aria-label="Result">
              @for (result of results; track result) {
                <mat-radio-button [value]="result">{{ resultLabels[result] }}</mat-radio-button>
              }
            </mat-radio-group>
            @if (resultMissing()) {
              <p class="field-error">Choose the result of the attempt.</p>
            }
          </fieldset>
          <mat-form-field class="field">
            <mat-label>Note (optional)</mat-label>
            <input matInput formControlName="note" autocomplete="off" />
          </mat-form-field>
          <div role="alert">
            @if (problem(); as problem) {
              <app-problem-message class="failure" [problem]="problem" [fieldLabels]="fieldLabels" />
            }
          </div>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="saving()">Save attempt</button>
            <button mat-button type="button" (click)="closed.emit()">Close</button>
          </div>
        </form>
      } @else {
        <div role="group" aria-label="Withdraw from follow-up?">
          <p #withdrawQuestion tabindex="-1">
            <strong>The patient declined.</strong> Record them as withdrawn from follow-up? Every remaining
            follow-up of this admission is then cancelled with your reason.
          </p>
          <form [formGroup]="withdrawal" (ngSubmit)="withdraw()" aria-label="Withdrawal from follow-up">
            <mat-form-field class="field">
              <mat-label>Reason for withdrawal</mat-label>
              <input matInput formControlName="reason" autocomplete="off" required />
              <mat-error>Give the reason.</mat-error>
            </mat-form-field>
            <div role="alert">
              @if (problem(); as problem) {
                <app-problem-message class="failure" [problem]="problem" />
              }
            </div>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="saving()">Record as withdrawn</button>
              <button mat-button type="button" (click)="closed.emit()">Not withdrawn, close</button>
            </div>
          </form>
        </div>
      }
    </section>
  `,
  styleUrl: '../admissions/action-panel.scss',
})
export class AttemptForm {
  readonly followUpId = input.required<string>();
  readonly followUpLabel = input.required<string>();
  readonly admissionId = input.required<string>();
  readonly patientName = input.required<string>();
  readonly preferredMethod = input<ContactMethod | null>(null);
  /** The attempt was stored; the follow-up as it is now. */
  readonly saved = output<FollowUp>();
  /** The patient was recorded as withdrawn from follow-up. */
  readonly withdrawn = output<void>();
  readonly closed = output();

  private readonly api = inject(FollowUpsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly withdrawQuestion = viewChild<ElementRef<HTMLElement>>('withdrawQuestion');
  private readonly injector = inject(Injector);
  private static sequence = 0;

  protected readonly headingId = `attempt-heading-${++AttemptForm.sequence}`;
  protected readonly methods = CONTACT_METHODS;
  protected readonly methodLabels = CONTACT_METHOD_LABELS;
  protected readonly results = ATTEMPT_RESULTS;
  protected readonly resultLabels = ATTEMPT_RESULT_LABELS;
  protected readonly fieldLabels = {
    method: 'Method',
    at: 'When (ward time)',
    result: 'Result',
    note: 'Note',
  };

  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    method: ['phone' as ContactMethod, Validators.required],
    when: ['', notInTheFuture(() => this.clock.now(), this.appInfo.wardTimeZone)],
    result: ['' as AttemptResult | '', Validators.required],
    note: [''],
  });
  protected readonly withdrawal = this.formBuilder.group({ reason: ['', Validators.required] });
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly askWithdrawal = signal(false);
  private readonly submitted = signal(false);
  private readonly result = toSignal(this.form.controls.result.valueChanges, { initialValue: '' });
  protected readonly resultMissing = computed(() => this.submitted() && !this.result());

  constructor() {
    afterNextRender(() => {
      const preferred = this.preferredMethod();
      // The patient's preferred way of being contacted is the usual one; the nurse changes it if not.
      if (preferred) {
        this.form.controls.method.setValue(preferred);
      }
      this.panel().nativeElement.focus();
    });
  }

  protected serverErrors(field: string): string[] {
    return fieldProblems(this.problem(), field);
  }

  protected save(): void {
    this.submitted.set(true);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { method, when, result, note } = this.form.getRawValue();
    const request: CreateAttemptRequest = {
      method,
      at: when
        ? wardTimeToInstant(when, this.appInfo.wardTimeZone())
        : new Date(this.clock.now()).toISOString(),
      result: result as AttemptResult,
    };
    if (note.trim()) {
      request.note = note.trim();
    }
    this.send(this.api.recordAttempt(this.followUpId(), request), (followUp) => {
      this.saved.emit(followUp);
      if (result === 'declined') {
        this.askWithdrawal.set(true);
        afterNextRender(() => this.withdrawQuestion()?.nativeElement.focus(), { injector: this.injector });
      }
    });
  }

  protected withdraw(): void {
    if (this.withdrawal.invalid) {
      this.withdrawal.markAllAsTouched();
      return;
    }
    this.send(
      this.api.recordTerminalEvent(this.admissionId(), {
        kind: 'withdrew',
        on: wardDate(this.clock.now(), this.appInfo.wardTimeZone()),
        reason: this.withdrawal.getRawValue().reason.trim(),
      }),
      () => this.withdrawn.emit(),
    );
  }

  private send<T>(request: Observable<T>, next: (value: T) => void): void {
    this.saving.set(true);
    this.problem.set(null);
    request.subscribe({
      next: (value) => {
        this.saving.set(false);
        next(value);
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
