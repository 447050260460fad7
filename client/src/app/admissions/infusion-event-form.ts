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
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { Admission, CreateInfusionEventRequest, InfusionEventType, Problem } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { notInTheFuture } from '../shared/clinical-time-field';
import { ProblemMessage } from '../shared/problem-message';
import { wardTimeToInstant } from '../shared/ward-time';
import { PAUSE_REASONS } from '../shared/admission-labels';
import { AdmissionsApi } from './admissions.api';
import { currentOrderSentence } from '../shared/order-words';
import { sendAdmissionChange } from './stale-version';
import { WardDateInput } from '../shared/ward-date-input';

const WORDING: Record<InfusionEventType, { heading: string; submit: string }> = {
  start: { heading: 'Start the infusion', submit: 'Record start' },
  pause: { heading: 'Pause the infusion', submit: 'Record pause' },
  resume: { heading: 'Resume the infusion', submit: 'Record resume' },
  stop: { heading: 'Stop the infusion', submit: 'Record stop' },
};

interface EventFormValue {
  reasonChoice: string;
  otherReason: string;
  note: string;
  when: string;
}

/** Records a start, pause, resume or stop, now or at an earlier time on the ward clock. */
@Component({
  selector: 'app-infusion-event-form',
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
  templateUrl: './infusion-event-form.html',
  styleUrl: './action-panel.scss',
})
export class InfusionEventForm {
  readonly admission = input.required<Admission>();
  readonly type = input.required<InfusionEventType>();
  readonly saved = output<Admission>();
  readonly stale = output<Admission>();
  readonly closed = output();

  private readonly api = inject(AdmissionsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  protected readonly pauseReasons = PAUSE_REASONS;
  protected readonly wording = computed(() => WORDING[this.type()]);
  protected readonly orderSentence = computed(() => {
    const order = this.admission().currentOrder;
    return order ? currentOrderSentence(order, this.appInfo.wardTimeZone(), this.clock.now()) : null;
  });
  protected readonly fieldLabels = { occurredAt: 'When (ward time)', reason: 'Reason' };

  protected readonly form = inject(NonNullableFormBuilder).group({
    reasonChoice: [''],
    otherReason: [''],
    note: [''],
    when: ['', notInTheFuture(() => this.clock.now(), this.appInfo.wardTimeZone)],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly reasonChoice = computed(() => this.value().reasonChoice);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly attempted = signal(false);
  protected readonly reasonMissing = computed(
    () => this.attempted() && this.type() === 'pause' && !this.reasonIn(this.value()),
  );

  constructor() {
    afterNextRender(() => this.panel().nativeElement.focus());
  }

  protected save(): void {
    this.attempted.set(true);
    const reason = this.reasonIn(this.form.getRawValue());
    if (this.form.invalid || (this.type() === 'pause' && !reason)) {
      this.form.markAllAsTouched();
      return;
    }
    const admission = this.admission();
    const request: CreateInfusionEventRequest = { version: admission.version, type: this.type() };
    const { when } = this.form.getRawValue();
    if (when) {
      request.occurredAt = wardTimeToInstant(when, this.appInfo.wardTimeZone());
    }
    if (reason) {
      request.reason = reason;
    }
    sendAdmissionChange(
      { saving: this.saving, problem: this.problem, saved: this.saved, stale: this.stale },
      this.api.recordEvent(admission.id, request),
    );
  }

  /** A pause names one of the usual reasons or says its own; the other events may give one. */
  private reasonIn(value: Partial<EventFormValue>): string {
    const { reasonChoice = '', otherReason = '', note = '' } = value;
    if (this.type() !== 'pause') {
      return note.trim();
    }
    return reasonChoice === 'other' ? otherReason.trim() : reasonChoice;
  }
}
