import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { Observable } from 'rxjs';
import {
  AdmissionFollowUps,
  FollowUp,
  FollowUpOutcome,
  Problem,
  TERMINAL_EVENT_KINDS,
  TerminalEvent,
  TerminalEventKind,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { toProblem } from '../core/problem';
import {
  ATTEMPT_RESULT_LABELS,
  CONTACT_METHOD_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  GRADE_LABELS,
  TERMINAL_EVENT_LABELS,
  pgicWords,
} from '../shared/follow-up-labels';
import { painChangeWords } from '../shared/pain-change-summary';
import { formatCalendarDate } from '../shared/patient-identity';
import { ProblemMessage } from '../shared/problem-message';
import { typedNumber } from '../shared/typed-number';
import { WardTimePipe, wardDate } from '../shared/ward-time';
import { windowWords } from './follow-up-words';
import { FollowUpsApi } from './follow-ups.api';
import { WardDateInput } from '../shared/ward-date-input';

/** The form open in the panel, one at a time. */
type PanelForm =
  | { kind: 'cancel'; followUp: FollowUp }
  | { kind: 'entered-in-error'; outcome: FollowUpOutcome; label: string }
  | { kind: 'extra' }
  | { kind: 'terminal' }
  | { kind: 'terminal-in-error'; event: TerminalEvent };

const HEADINGS: Record<PanelForm['kind'], string> = {
  cancel: 'Cancel a follow-up',
  'entered-in-error': 'Mark an outcome entered in error',
  extra: 'Add an extra follow-up',
  terminal: 'End follow-up for this admission',
  'terminal-in-error': 'Mark the end of follow-up entered in error',
};

/**
 * An admission's follow-ups after discharge: each with its window, status, attempts and outcome (and
 * the outcomes entered in error, struck through with the reason); the corrections and the prescriber's
 * extra and cancelled follow-ups; lost to follow-up, died, withdrew or readmitted.
 */
@Component({
  selector: 'app-admission-follow-ups-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    WardDateInput,
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    ProblemMessage,
    WardTimePipe,
  ],
  templateUrl: './admission-follow-ups-panel.html',
  styleUrl: './admission-follow-ups-panel.scss',
})
export class AdmissionFollowUpsPanel {
  readonly admissionId = input.required<string>();
  /** Nurses and prescribers record attempts, outcomes, corrections and terminal events. */
  readonly canRecord = input(false);
  /** Only a prescriber adds or cancels a follow-up. */
  readonly isPrescriber = input(false);

  private readonly api = inject(FollowUpsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly injector = inject(Injector);
  private readonly formPanel = viewChild<ElementRef<HTMLElement>>('formPanel');
  private readonly statusRegion = viewChild<ElementRef<HTMLElement>>('statusRegion');

  protected readonly statusLabels = FOLLOW_UP_STATUS_LABELS;
  protected readonly methodLabels = CONTACT_METHOD_LABELS;
  protected readonly resultLabels = ATTEMPT_RESULT_LABELS;
  protected readonly gradeLabels = GRADE_LABELS;
  protected readonly terminalLabels = TERMINAL_EVENT_LABELS;
  protected readonly headings = HEADINGS;
  protected readonly formatCalendarDate = formatCalendarDate;
  protected readonly windowWords = windowWords;
  protected readonly pgicWords = pgicWords;

  protected readonly followUps = signal<AdmissionFollowUps | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly form = signal<PanelForm | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly statusMessage = signal<string | null>(null);
  /** A readmission for another infusion is the prescriber's to record; the other endings anyone's who records. */
  protected readonly terminalKinds = computed(() =>
    TERMINAL_EVENT_KINDS.filter((kind) => kind !== 'readmitted' || this.isPrescriber()),
  );
  protected readonly open = computed(() => !this.followUps()?.terminalEvent);

  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly reasonForm = this.formBuilder.group({ reason: ['', Validators.required] });
  protected readonly extraForm = this.formBuilder.group({
    dueOn: ['', Validators.required],
    windowDays: ['3', [Validators.required, typedNumber({ places: 0, min: 0, max: 28 })]],
    reason: ['', Validators.required],
  });
  protected readonly terminalForm = this.formBuilder.group({
    kind: ['' as TerminalEventKind | '', Validators.required],
    on: ['', Validators.required],
    reason: ['', Validators.required],
  });

  constructor() {
    effect(() => {
      const id = this.admissionId();
      untracked(() => this.load(id));
    });
  }

  protected painWords(outcome: FollowUpOutcome): string {
    const baseline = this.followUps()?.baselinePain;
    return baseline === undefined ? '' : painChangeWords(baseline, outcome.painNow);
  }

  /** Who may record an ending may correct it: a readmission is the prescriber's. */
  protected canCorrect(event: TerminalEvent): boolean {
    return this.canRecord() && (event.kind !== 'readmitted' || this.isPrescriber());
  }

  protected isOpenFollowUp(followUp: FollowUp): boolean {
    return followUp.status !== 'done' && followUp.status !== 'cancelled';
  }

  protected show(form: PanelForm): void {
    this.statusMessage.set(null);
    this.problem.set(null);
    this.reasonForm.reset();
    this.extraForm.reset();
    this.terminalForm.reset({
      kind: '',
      on: wardDate(this.clock.now(), this.appInfo.wardTimeZone()),
      reason: '',
    });
    this.form.set(form);
    afterNextRender(() => this.formPanel()?.nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    this.form.set(null);
  }

  protected submit(): void {
    const form = this.form();
    if (!form) {
      return;
    }
    switch (form.kind) {
      case 'cancel':
        if (this.valid(this.reasonForm)) {
          this.send(
            this.api.cancel(form.followUp.id, { reason: this.reasonForm.getRawValue().reason.trim() }),
            `${form.followUp.label} is cancelled.`,
          );
        }
        return;
      case 'entered-in-error':
        if (this.valid(this.reasonForm)) {
          this.send(
            this.api.markOutcomeEnteredInError(form.outcome.id, {
              reason: this.reasonForm.getRawValue().reason.trim(),
            }),
            `The ${form.label} outcome is marked entered in error. It can be entered again.`,
          );
        }
        return;
      case 'extra':
        if (this.valid(this.extraForm)) {
          const value = this.extraForm.getRawValue();
          this.send(
            this.api.addExtra(this.admissionId(), {
              dueOn: value.dueOn,
              windowDays: Number(value.windowDays),
              reason: value.reason.trim(),
            }),
            `Extra follow-up added, due ${formatCalendarDate(value.dueOn)}.`,
          );
        }
        return;
      case 'terminal':
        if (this.valid(this.terminalForm)) {
          const value = this.terminalForm.getRawValue();
          const kind = value.kind as TerminalEventKind;
          this.send(
            this.api.recordTerminalEvent(this.admissionId(), {
              kind,
              on: value.on,
              reason: value.reason.trim(),
            }),
            `${this.terminalLabels[kind]} recorded; the remaining follow-ups are cancelled.`,
          );
        }
        return;
      case 'terminal-in-error':
        if (this.valid(this.reasonForm)) {
          this.send(
            this.api.markTerminalEventEnteredInError(form.event.id, {
              reason: this.reasonForm.getRawValue().reason.trim(),
            }),
            `${this.terminalLabels[form.event.kind]} is marked entered in error; the follow-ups still in their window are reopened.`,
          );
        }
        return;
    }
  }

  private valid(form: { invalid: boolean; markAllAsTouched(): void }): boolean {
    if (form.invalid) {
      form.markAllAsTouched();
      return false;
    }
    return true;
  }

  /** Every write answers with part of the record; the panel reloads the whole of it, as the server has it. */
  private send(request: Observable<unknown>, message: string): void {
    this.saving.set(true);
    this.problem.set(null);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.form.set(null);
        this.statusMessage.set(message);
        this.load(this.admissionId());
        afterNextRender(() => this.statusRegion()?.nativeElement.focus(), { injector: this.injector });
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private load(id: string): void {
    this.loadFailed.set(false);
    this.api.forAdmission(id).subscribe({
      next: (followUps) => this.followUps.set(followUps),
      error: () => this.loadFailed.set(true),
    });
  }
}
