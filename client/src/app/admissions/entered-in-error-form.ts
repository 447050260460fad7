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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Admission, InfusionOrder, Problem } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { ProblemMessage } from '../shared/problem-message';
import { formatWardMinute } from '../shared/ward-time';
import { AdmissionsApi } from './admissions.api';
import { drugName, routeShort, valueWithUnit } from '../shared/order-words';
import { sendAdmissionChange } from './stale-version';

/** Marks a wrong order "entered in error": it stays in the history; the previous valid order is current again. */
@Component({
  selector: 'app-entered-in-error-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, ProblemMessage],
  template: `
    <section class="panel" #panel tabindex="-1" aria-labelledby="error-heading">
      <h2 id="error-heading">Mark an order entered in error</h2>
      <p>
        <strong>{{ orderWords() }}</strong>, effective from {{ effectiveFrom() }}.
      </p>
      <p>
        The order stays in the history, struck through, with your reason. The previous valid order becomes
        current again.
      </p>
      <form [formGroup]="form" (ngSubmit)="save()">
        <mat-form-field class="field">
          <mat-label>Why was it entered in error?</mat-label>
          <input matInput formControlName="reason" autocomplete="off" required />
          <mat-error>Give the reason.</mat-error>
        </mat-form-field>
        <div role="alert">
          @if (problem(); as problem) {
            <app-problem-message class="failure" [problem]="problem" />
          }
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="saving()">Confirm entered in error</button>
          <button mat-button type="button" (click)="closed.emit()">Close</button>
        </div>
      </form>
    </section>
  `,
  styleUrl: './action-panel.scss',
})
export class EnteredInErrorForm {
  readonly admission = input.required<Admission>();
  readonly order = input.required<InfusionOrder>();
  readonly saved = output<Admission>();
  readonly stale = output<Admission>();
  readonly closed = output();

  private readonly api = inject(AdmissionsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  protected readonly orderWords = computed(() => {
    const order = this.order();
    return `${drugName(order.drug)} ${valueWithUnit(order.concentration)} at ${valueWithUnit(order.rate)} ${routeShort(order.route)}`;
  });
  protected readonly effectiveFrom = computed(() =>
    formatWardMinute(this.order().effectiveFrom, this.appInfo.wardTimeZone()),
  );
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
    sendAdmissionChange(
      { saving: this.saving, problem: this.problem, saved: this.saved, stale: this.stale },
      this.api.markOrderEnteredInError(this.order().id, {
        version: this.admission().version,
        reason: this.form.getRawValue().reason.trim(),
      }),
    );
  }
}
