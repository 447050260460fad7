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
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { scoreInstrument } from '@infusion-tracker/clinical';
import { forkJoin } from 'rxjs';
import {
  ADVERSE_EFFECT_GRADES,
  Admission,
  AdmissionFollowUps,
  AdverseEffectGrade,
  CreateOutcomeRequest,
  FollowUp,
  FollowUpOutcome,
  Instrument,
  OutcomeMethod,
  Problem,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { toProblem } from '../core/problem';
import { AdmissionsApi } from '../admissions/admissions.api';
import { fieldProblems } from '../shared/field-problems';
import {
  GRADE_LABELS,
  OUTCOME_METHOD_LABELS,
  PGIC_QUESTION,
  PGIC_SCORES,
  PGIC_WORDINGS,
} from '../shared/follow-up-labels';
import { PainChangeSummary } from '../shared/pain-change-summary';
import { formatCalendarDate, patientName } from '../shared/patient-identity';
import { ProblemMessage } from '../shared/problem-message';
import { typedNumber, typedValue } from '../shared/typed-number';
import { wardDate } from '../shared/ward-time';
import { windowWords } from './follow-up-words';
import { FollowUpsApi } from './follow-ups.api';
// Patient-reported follow-ups (issue 13)
import { PatientLinkPanel } from '../patient-links/patient-link-panel';
import { WardDateInput } from '../shared/ward-date-input';

/** The questions the form asks in its own fields; their instrument definitions are not asked twice. */
const ASKED_BY_THE_FORM = new Set(['pgic', 'nrs']);
/** The methods a clinician records an outcome by; patient-reported answers come through their own link. */
const METHODS: readonly OutcomeMethod[] = ['phone', 'video', 'clinic', 'letter'];

const nrs = () => typedNumber({ places: 0, min: 0, max: 10 });

/**
 * The outcome of one follow-up, as the patient answered it: pain, global impression, whether benefit
 * continues and, when not, since when. Nothing is preselected: an unanswered question is sent as
 * unanswered, and the server's objections are shown beside the fields they concern.
 */
@Component({
  selector: 'app-outcome-page',
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
    MatRadioGroup,
    MatRadioButton,
    PainChangeSummary,
    ProblemMessage,
    // Patient-reported follow-ups (issue 13)
    PatientLinkPanel,
  ],
  templateUrl: './outcome-page.html',
  styleUrl: './outcome-page.scss',
})
export class OutcomePage {
  /** Route parameter. */
  readonly followUpId = input.required<string>();
  /** Query parameter: the admission the follow-up belongs to. */
  readonly admission = input.required<string>();

  private readonly api = inject(FollowUpsApi);
  private readonly admissionsApi = inject(AdmissionsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly injector = inject(Injector);
  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');
  private readonly firstField = viewChild<ElementRef<HTMLInputElement>>('firstField');

  protected readonly methods = METHODS;
  protected readonly methodLabels = OUTCOME_METHOD_LABELS;
  protected readonly pgicScores = PGIC_SCORES;
  protected readonly pgicWordings = PGIC_WORDINGS;
  protected readonly pgicQuestion = PGIC_QUESTION;
  protected readonly grades = ADVERSE_EFFECT_GRADES;
  protected readonly gradeLabels = GRADE_LABELS;
  protected readonly formatCalendarDate = formatCalendarDate;
  protected readonly windowWords = windowWords;
  protected readonly fieldLabels: Record<string, string> = {
    assessedOn: 'Assessed on',
    method: 'Method',
    painNow: 'Pain now (NRS 0-10)',
    painWorstWeek: 'Worst pain last week (NRS 0-10)',
    pgic: 'PGIC',
    benefitOngoing: 'Benefit ongoing?',
    benefitReturned: 'Benefit returned?',
    benefitEndedOn: 'Date benefit ended',
    benefitEndedOnApproximate: 'About',
    medicationChanges: 'Changes in pain medication',
    adverseEffects: 'Adverse effects since discharge',
    adverseEffectsGrade: 'Adverse effects grade',
    readmissionPlanned: 'Readmission planned?',
    comment: 'Comment',
    instruments: 'Questionnaires',
  };

  protected readonly context = signal<{
    admission: Admission;
    followUps: AdmissionFollowUps;
    instruments: Instrument[];
  } | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal<FollowUp | null>(null);

  protected readonly followUp = computed(
    () => this.context()?.followUps.items.find((item) => item.id === this.followUpId()) ?? null,
  );
  protected readonly name = computed(() => {
    const context = this.context();
    return context ? patientName(context.admission.patient) : '';
  });
  /** The optional questionnaires, the placeholder ones marked as such. */
  protected readonly instruments = computed(() =>
    (this.context()?.instruments ?? []).filter((instrument) => !ASKED_BY_THE_FORM.has(instrument.code)),
  );
  /** The current outcomes of this admission's other follow-ups, latest assessment last. */
  private readonly earlierOutcomes = computed(() => {
    const context = this.context();
    if (!context) {
      return [];
    }
    return context.followUps.items
      .filter((item) => item.id !== this.followUpId())
      .map((item) => item.outcome)
      .filter((outcome): outcome is FollowUpOutcome => outcome !== null)
      .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  });
  protected readonly lastOutcome = computed(() => this.earlierOutcomes().at(-1) ?? null);
  /** An earlier outcome said benefit had ended: "ongoing" now means it returned, which is asked. */
  protected readonly earlierEnded = computed(() =>
    this.earlierOutcomes().some((outcome) => !outcome.benefitOngoing),
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    assessedOn: [
      '',
      [Validators.required, (control: AbstractControl<string>) => this.assessedOnRule(control)],
    ],
    method: ['' as OutcomeMethod | '', Validators.required],
    painNow: ['', [Validators.required, nrs()]],
    painWorstWeek: ['', nrs()],
    pgic: ['' as number | ''],
    benefitOngoing: ['' as 'yes' | 'no' | ''],
    benefitReturned: ['' as 'yes' | 'no' | ''],
    benefitEndedOn: ['', (control: AbstractControl<string>) => this.benefitEndedOnRule(control)],
    benefitEndedOnApproximate: [false],
    medicationChanges: [''],
    adverseEffects: [''],
    adverseEffectsGrade: ['' as AdverseEffectGrade | ''],
    readmissionPlanned: ['' as 'yes' | 'no' | ''],
    comment: [''],
  });
  /** One group per optional instrument, one text field per item. */
  protected readonly instrumentForms = signal<Record<string, FormGroup<Record<string, FormControl<string>>>>>(
    {},
  );

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly instrumentValues = signal(0);
  protected readonly submitted = signal(false);
  protected readonly painNow = computed(() => {
    const text = this.value().painNow ?? '';
    return this.form.controls.painNow.valid ? (typedValue(text) ?? null) : null;
  });
  protected readonly benefitOngoing = computed(() => this.value().benefitOngoing ?? '');
  protected readonly askBenefitReturned = computed(
    () => this.earlierEnded() && this.benefitOngoing() === 'yes',
  );
  /** The date typed, as the ward writes dates, whatever the browser's own date format. */
  protected readonly assessedOnWords = computed(() => {
    const date = this.value().assessedOn;
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? `${formatCalendarDate(date)}, ward date; not before discharge, not in the future`
      : "The ward's date; not before discharge, not in the future";
  });
  protected readonly today = computed(() => wardDate(this.clock.now(), this.appInfo.wardTimeZone()));

  constructor() {
    effect(() => {
      const admissionId = this.admission();
      untracked(() => this.load(admissionId));
    });
    // The date benefit ended is checked against the assessment date, so it follows it.
    this.form.controls.assessedOn.valueChanges.subscribe(() =>
      this.form.controls.benefitEndedOn.updateValueAndValidity({ emitEvent: false }),
    );
    // Required only when benefit has ended.
    this.form.controls.benefitOngoing.valueChanges.subscribe(() =>
      this.form.controls.benefitEndedOn.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected serverErrors(field: string): string[] {
    return fieldProblems(this.problem(), field);
  }

  protected missing(name: 'benefitOngoing' | 'benefitReturned'): boolean {
    return this.submitted() && !this.value()[name];
  }

  protected instrumentForm(code: string): FormGroup<Record<string, FormControl<string>>> {
    return this.instrumentForms()[code];
  }

  protected scoreWords(instrument: Instrument): string {
    this.instrumentValues();
    const answers = this.answers(instrument);
    const { score, valid, answered } = scoreInstrument(instrument, answers);
    if (score === null) {
      return 'Not answered';
    }
    const of = `${answered} of ${instrument.items.length} answered`;
    return valid
      ? `Score ${score} (${of})`
      : `No valid score: ${of}, at least ${instrument.scoring.minAnswered} needed`;
  }

  protected save(): void {
    this.submitted.set(true);
    const ongoing = this.benefitOngoing();
    const returnedMissing = this.askBenefitReturned() && !this.value().benefitReturned;
    const instrumentsInvalid = Object.values(this.instrumentForms()).some((group) => group.invalid);
    if (this.form.invalid || !ongoing || returnedMissing || instrumentsInvalid) {
      this.form.markAllAsTouched();
      Object.values(this.instrumentForms()).forEach((group) => group.markAllAsTouched());
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.recordOutcome(this.followUpId(), this.request()).subscribe({
      next: (followUp) => {
        this.saving.set(false);
        this.saved.set(followUp);
        afterNextRender(() => this.confirmation()?.nativeElement.focus(), { injector: this.injector });
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private request(): CreateOutcomeRequest {
    const value = this.form.getRawValue();
    const request: CreateOutcomeRequest = {
      assessedOn: value.assessedOn,
      method: value.method as OutcomeMethod,
      painNow: Number(value.painNow),
      benefitOngoing: value.benefitOngoing === 'yes',
    };
    const worst = typedValue(value.painWorstWeek);
    if (worst !== undefined) {
      request.painWorstWeek = worst;
    }
    if (value.pgic !== '') {
      request.pgic = Number(value.pgic);
    }
    if (value.benefitOngoing === 'no') {
      request.benefitEndedOn = value.benefitEndedOn;
      request.benefitEndedOnApproximate = value.benefitEndedOnApproximate;
    }
    if (this.askBenefitReturned()) {
      request.benefitReturned = value.benefitReturned === 'yes';
    }
    const text = (words: string) => words.trim() || undefined;
    const optional = {
      medicationChanges: text(value.medicationChanges),
      adverseEffects: text(value.adverseEffects),
      comment: text(value.comment),
    };
    for (const [key, words] of Object.entries(optional)) {
      if (words) {
        request[key as keyof typeof optional] = words;
      }
    }
    if (value.adverseEffectsGrade) {
      request.adverseEffectsGrade = value.adverseEffectsGrade;
    }
    if (value.readmissionPlanned) {
      request.readmissionPlanned = value.readmissionPlanned === 'yes';
    }
    const instruments = this.instruments()
      .map((instrument) => ({ code: instrument.code, answers: this.answers(instrument) }))
      .filter((answered) => Object.values(answered.answers).some((answer) => answer !== null));
    if (instruments.length) {
      request.instruments = instruments;
    }
    return request;
  }

  /** Every item of the instrument, null where it was not answered (never 0). */
  private answers(instrument: Instrument): Record<string, number | null> {
    const group = this.instrumentForms()[instrument.code];
    return Object.fromEntries(
      instrument.items.map((item) => {
        const control = group?.controls[item.key];
        const typed = control && control.valid ? typedValue(control.value) : undefined;
        return [item.key, typed ?? null];
      }),
    );
  }

  private assessedOnRule(control: AbstractControl<string>): ValidationErrors | null {
    const date = control.value;
    if (!date) {
      return null;
    }
    if (date > wardDate(this.clock.now(), this.appInfo.wardTimeZone())) {
      return { future: true };
    }
    const discharged = this.context()?.followUps.dischargedOn;
    return discharged && date < discharged ? { beforeDischarge: true } : null;
  }

  private benefitEndedOnRule(control: AbstractControl<string>): ValidationErrors | null {
    if (this.form?.controls.benefitOngoing.value !== 'no') {
      return null;
    }
    const date = control.value;
    if (!date) {
      return { required: true };
    }
    const discharged = this.context()?.followUps.dischargedOn;
    if (discharged && date < discharged) {
      return { beforeDischarge: true };
    }
    const assessed = this.form.controls.assessedOn.value;
    return assessed && date > assessed ? { afterAssessment: true } : null;
  }

  private load(admissionId: string): void {
    this.context.set(null);
    this.loadFailed.set(false);
    forkJoin({
      admission: this.admissionsApi.get(admissionId),
      followUps: this.api.forAdmission(admissionId),
      instruments: this.api.instruments(),
    }).subscribe({
      next: (context) => {
        this.context.set(context);
        this.instrumentForms.set(this.buildInstrumentForms(context.instruments));
        this.form.controls.assessedOn.setValue(this.today());
        afterNextRender(() => this.firstField()?.nativeElement.focus(), { injector: this.injector });
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private buildInstrumentForms(
    instruments: Instrument[],
  ): Record<string, FormGroup<Record<string, FormControl<string>>>> {
    const forms: Record<string, FormGroup<Record<string, FormControl<string>>>> = {};
    for (const instrument of instruments.filter((candidate) => !ASKED_BY_THE_FORM.has(candidate.code))) {
      const rule = typedNumber({ places: 0, min: instrument.scale.min, max: instrument.scale.max });
      const group = new FormGroup<Record<string, FormControl<string>>>(
        Object.fromEntries(
          instrument.items.map((item) => [
            item.key,
            new FormControl('', { nonNullable: true, validators: rule }),
          ]),
        ),
      );
      group.valueChanges.subscribe(() => this.instrumentValues.update((count) => count + 1));
      forms[instrument.code] = group;
    }
    return forms;
  }
}
