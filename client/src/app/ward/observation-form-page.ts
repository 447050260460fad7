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
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import {
  DEFAULT_SCHEDULE,
  PARTIAL_REASONS,
  PARTIAL_REASON_LABELS,
  POSS_LEVELS,
  SIDE_EFFECTS,
  SIDE_EFFECT_GRADES,
  describeReading,
  implausibleReadings,
  news2ResponseLabel,
  nextObservationDue,
  observationFlags,
  scoreNews2,
  type ConfirmableReading,
} from '@infusion-tracker/clinical';
import { map } from 'rxjs';
import {
  Admission,
  Consciousness,
  CreateObservationSetRequest,
  PartialReason,
  ObservationFlag,
  ObservationSet,
  Poss,
  Problem,
  RATE_UNITS,
  Rate,
  RateUnit,
  SideEffect,
  SideEffectGrade,
  Spo2Scale,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { toProblem } from '../core/problem';
import { notInTheFuture } from '../shared/clinical-time-field';
import { patientName } from '../shared/patient-identity';
import { ProblemMessage } from '../shared/problem-message';
import { typedNumber, typedValue } from '../shared/typed-number';
import { formatWardClock, formatWardTime, wardTimeToInstant } from '../shared/ward-time';
import { describeStay } from '../shared/day-of-stay';
import { drugName, routeShort, valueWithUnit } from '../shared/order-words';
import { StatusBadge } from '../shared/status-badge';
import { newIdempotencyKey } from './idempotency-key';
import { FlagChip } from './flag-chip';
import { News2Band } from './news2-band';
import {
  CONSCIOUSNESS_LABELS,
  NEWS2_PARAMETER_LABELS,
  POSS_LABELS,
  SIDE_EFFECT_GRADE_LABELS,
  SIDE_EFFECT_LABELS,
  missingWords,
  partialWords,
} from './observation-labels';
import { WardApi } from './ward.api';
import { WardDateInput } from '../shared/ward-date-input';
import { haltedInfusionWords, latestEvent, pumpShouldBeOff } from '../shared/infusion-state';

/** Observations are recorded while the patient is on the ward (the server refuses the others too). */
const RECORDABLE = ['admitted', 'infusing', 'paused', 'infusion-stopped'];

// The plausibility limits of the API: they refuse what cannot be (SpO2 above 100, 3.7 typed for 37 °C).
const READINGS = {
  respirationRate: typedNumber({ places: 0, min: 0, max: 80 }),
  spo2: typedNumber({ places: 0, min: 40, max: 100 }),
  systolicBp: typedNumber({ places: 0, min: 30, max: 300 }),
  diastolicBp: typedNumber({ places: 0, min: 10, max: 200 }),
  pulse: typedNumber({ places: 0, min: 20, max: 250 }),
  temperatureC: typedNumber({ places: 1, min: 25, max: 45 }),
  painScore: typedNumber({ places: 0, min: 0, max: 10 }),
};
type Reading = keyof typeof READINGS;

const NEWS2_ORDER = [
  'respirationRate',
  'spo2',
  'supplementalOxygen',
  'systolicBp',
  'pulse',
  'consciousness',
  'temperatureC',
] as const;

const NONE_OF_THEM = Object.fromEntries(SIDE_EFFECTS.map((effect) => [effect, 'none'])) as Record<
  SideEffect,
  SideEffectGrade
>;

/** One letter chooses in a radio group: A/C/V/P/U for ACVPU, A/O for air or oxygen, N/G for side effects. */
const CONSCIOUSNESS_KEYS: Record<string, Consciousness> = {
  a: 'alert',
  c: 'confusion',
  v: 'voice',
  p: 'pain',
  u: 'unresponsive',
};
const OXYGEN_KEYS: Record<string, boolean> = { a: false, o: true };
const SIDE_EFFECT_ANSWER_KEYS: Record<string, SideEffectAnswer> = { n: 'none', g: 'graded' };
const PARTIAL_REASON_KEYS: Record<string, PartialReason> = {
  a: 'asleep',
  r: 'refused',
  u: 'unable',
  e: 'equipment-unavailable',
  o: 'other',
};

/** "none": the nurse asked and there were none; "graded": the grid; null: not assessed (ADR 6). */
type SideEffectAnswer = 'none' | 'graded';

/** How an infusion whose pump should be off reads in a sentence. */
function haltedState(status: string | undefined): string {
  if (status === 'paused') return 'paused';
  if (status === 'infusion-stopped') return 'stopped';
  return 'not started';
}
/** Statuses in which the infusion has started, so a start, resume or rate change intensifies the schedule. */
const STARTED = ['infusing', 'paused', 'infusion-stopped'];

/**
 * The bedside observation set, on one screen, in the order of the paper chart.
 *
 * Keyboard first, and nothing pre-asserted (ADR 6): air or oxygen, consciousness and side effects are
 * chosen for each set, one key each (the letter, or Space on the focused choice), and Enter saves from
 * any field, so a typical full set is 36 keystrokes:
 *   16 Tab  96 Tab  A (air) Tab  124 Tab  78 Tab  72 Tab  A (Alert) Tab  36.8 Tab
 *   ↓ Tab (POSS: from S down to 1)  3 Tab  N (no side effects) Tab  0.15 Enter
 * SpO2 scale 1 is the chart's default and no tab stop; scale 2 is offered only when the prescriber has
 * documented its target on the admission. Side effects not answered are "not assessed", never "none";
 * "Some: grade them" opens the grid (one radio group, so one tab stop, per side effect).
 * A set without a complete NEWS2 asks why; a reading outside its plausible range asks "Confirm: RR 6?".
 * The pump rate is never filled in from the order: the nurse types what the pump shows (0 or "off" when
 * it is off), or the check would mean nothing.
 */
@Component({
  selector: 'app-observation-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    WardDateInput,
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSuffix,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    ProblemMessage,
    StatusBadge,
    FlagChip,
    News2Band,
  ],
  templateUrl: './observation-form-page.html',
  styleUrl: './observation-form-page.scss',
})
export class ObservationFormPage {
  /** Route parameter. */
  readonly admissionId = input.required<string>();

  private readonly api = inject(WardApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly firstField = viewChild<ElementRef<HTMLInputElement>>('firstField');
  private readonly backToBoard = viewChild('backToBoard', { read: ElementRef<HTMLElement> });
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly consciousnessLevels = Object.keys(CONSCIOUSNESS_LABELS) as Consciousness[];
  protected readonly consciousnessLabels = CONSCIOUSNESS_LABELS;
  protected readonly possLevels = POSS_LEVELS;
  protected readonly possLabels = POSS_LABELS;
  protected readonly sideEffects = SIDE_EFFECTS;
  protected readonly sideEffectLabels = SIDE_EFFECT_LABELS;
  protected readonly grades = SIDE_EFFECT_GRADES;
  protected readonly gradeLabels = SIDE_EFFECT_GRADE_LABELS;
  protected readonly rateUnits = RATE_UNITS;
  protected readonly missingWords = missingWords;
  protected readonly partialReasons = PARTIAL_REASONS;
  protected readonly partialReasonLabels = PARTIAL_REASON_LABELS;
  protected readonly responseLabel = news2ResponseLabel;
  protected readonly fieldLabels: Partial<Record<string, string>> = {
    takenAt: 'Taken at',
    respirationRate: 'Respiration rate',
    spo2: 'SpO2',
    spo2Scale: 'SpO2 scale',
    supplementalOxygen: 'Air or oxygen',
    oxygenDevice: 'Oxygen device',
    systolicBp: 'Systolic BP',
    diastolicBp: 'Diastolic BP',
    pulse: 'Pulse',
    consciousness: 'Consciousness',
    temperatureC: 'Temperature',
    sedation: 'Sedation (POSS)',
    painScore: 'Pain',
    'pumpRate.value': 'Pump rate',
    'pumpRate.unit': 'Pump unit',
    comment: 'Comment',
    partialReason: 'Why is the set partial?',
    partialReasonText: 'Other reason',
    confirmedReadings: 'Confirmed readings',
    set: 'Observation set',
  };

  protected readonly admission = signal<Admission | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly recordable = computed(() => {
    const admission = this.admission();
    return admission !== null && RECORDABLE.includes(admission.status);
  });

  protected readonly form = this.formBuilder.group({
    respirationRate: ['', READINGS.respirationRate],
    spo2: ['', READINGS.spo2],
    spo2Scale: this.formBuilder.control<Spo2Scale>(1),
    supplementalOxygen: this.formBuilder.control<boolean | null>(null),
    oxygenDevice: ['', Validators.maxLength(60)],
    systolicBp: ['', READINGS.systolicBp],
    diastolicBp: ['', READINGS.diastolicBp],
    pulse: ['', READINGS.pulse],
    consciousness: this.formBuilder.control<Consciousness | null>(null),
    temperatureC: ['', READINGS.temperatureC],
    sedation: this.formBuilder.control<Poss | null>(null),
    painScore: ['', READINGS.painScore],
    sideEffectsAnswer: this.formBuilder.control<SideEffectAnswer | null>(null),
    sideEffects: this.formBuilder.group(
      Object.fromEntries(
        SIDE_EFFECTS.map((effect) => [effect, this.formBuilder.control<SideEffectGrade | null>(null)]),
      ) as Record<SideEffect, FormControl<SideEffectGrade | null>>,
    ),
    partialReason: this.formBuilder.control<PartialReason | null>(null),
    partialReasonText: ['', Validators.maxLength(200)],
    // 0 or "off": the pump is off, as it should be when the infusion is not started, paused or stopped.
    pumpRateValue: ['', pumpReadingRule],
    pumpRateUnit: this.formBuilder.control<RateUnit | ''>(''),
    comment: ['', Validators.maxLength(2000)],
    takenAt: ['', notInTheFuture(() => this.clock.now(), this.appInfo.wardTimeZone)],
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly onOxygen = computed(() => this.value().supplementalOxygen === true);
  protected readonly gradingSideEffects = computed(() => this.value().sideEffectsAnswer === 'graded');
  /** Scale 2 only with the prescriber's documented target (ADR 6). */
  protected readonly scale2Target = computed(() => this.admission()?.spo2Scale2Target ?? null);
  /** Not started, paused or stopped: the pump should be off, and the form says so first. */
  protected readonly halted = computed(() => {
    const status = this.admission()?.status;
    return status !== undefined && pumpShouldBeOff(status);
  });
  /** "Not started", "Stopped 09:10: Planned course complete", "Paused since 13:59: hallucinations". */
  protected readonly haltedWords = computed(() => {
    const admission = this.admission();
    if (!admission || !this.halted()) {
      return '';
    }
    return (
      haltedInfusionWords(
        admission.status,
        latestEvent(admission.events),
        this.appInfo.wardTimeZone(),
        this.clock.now(),
      ) ?? ''
    );
  });
  protected readonly unacceptableSedation = computed(() => isUnacceptable(this.value().sedation));
  private readonly pumpReading = computed<Rate | null>(() => {
    const { pumpRateUnit, pumpRateValue } = this.value();
    const value = isPumpOff(pumpRateValue) ? 0 : this.reading('pumpRateValue');
    return value !== null && pumpRateUnit ? { value, unit: pumpRateUnit } : null;
  });

  /** Scored as the server will score it, by the same function, from what is typed so far. */
  protected readonly news2 = computed(() => {
    const { spo2Scale, supplementalOxygen, consciousness } = this.value();
    return scoreNews2({
      respirationRate: this.reading('respirationRate'),
      spo2: this.reading('spo2'),
      spo2Scale,
      supplementalOxygen,
      systolicBp: this.reading('systolicBp'),
      pulse: this.reading('pulse'),
      consciousness,
      temperatureC: this.reading('temperatureC'),
    });
  });
  protected readonly parameters = computed(() => {
    const { parameters } = this.news2();
    return NEWS2_ORDER.map((key) => ({ key, label: NEWS2_PARAMETER_LABELS[key], score: parameters[key] }));
  });
  protected readonly flags = computed(() =>
    observationFlags({
      news2: this.news2(),
      sedation: this.value().sedation,
      sideEffects: this.requestFrom(this.value()).sideEffects,
      pumpRate: this.pumpReading(),
      currentOrderRate: this.admission()?.currentOrder?.rate ?? null,
      infusionHalted: this.halted(),
    }),
  );
  /** Something is typed or chosen, but not a complete NEWS2: the set needs a reason (ADR 6). */
  protected readonly partial = computed(
    () => !this.news2().complete && recordsAnything(this.requestFrom(this.value())),
  );
  protected readonly otherReason = computed(() => this.value().partialReason === 'other');

  /** Readings outside their plausible range, with the value the nurse confirmed for each. */
  private readonly confirmed = signal<Partial<Record<ConfirmableReading, number>>>({});
  /** The question asked before saving: "Confirm: RR 6?"; empty when there is none. */
  protected readonly toConfirm = signal<{ reading: ConfirmableReading; words: string }[]>([]);
  protected readonly confirmQuestion = computed(
    () =>
      `Confirm: ${this.toConfirm()
        .map((item) => `${item.words}?`)
        .join(' ')}`,
  );
  private readonly confirmButton = viewChild('confirmButton', { read: ElementRef<HTMLElement> });
  /** The NEWS2 line says the band; the chips say the rest. */
  protected readonly otherFlags = computed(() => withoutNews2(this.flags()));
  protected readonly pumpCheck = computed(() => {
    const pump = this.pumpReading();
    const order = this.admission()?.currentOrder?.rate;
    if (!pump) {
      return null;
    }
    if (this.halted()) {
      return pump.value === 0
        ? 'The pump is off, as it should be.'
        : `The pump shows ${valueWithUnit(pump)} but the infusion is ${haltedState(this.admission()?.status)}: the pump should be off.`;
    }
    if (!order) {
      return `The pump shows ${valueWithUnit(pump)}; there is no current order to compare it with.`;
    }
    return this.flags().includes('pump-discrepancy')
      ? `The pump shows ${valueWithUnit(pump)} but the order is ${valueWithUnit(order)}.`
      : `The pump shows the ordered rate, ${valueWithUnit(order)}.`;
  });

  protected readonly name = computed(() => {
    const admission = this.admission();
    return admission ? patientName(admission.patient) : '';
  });
  protected readonly stay = computed(() => {
    const admission = this.admission();
    return admission ? describeStay(admission, this.clock.now(), this.appInfo.wardTimeZone()) : '';
  });
  protected readonly orderHeading = computed(() => {
    switch (this.admission()?.status) {
      case 'paused':
        return 'Infusion paused: the pump should be off';
      case 'infusion-stopped':
        return 'Infusion stopped: the pump should be off';
      case 'planned':
      case 'admitted':
        return 'Infusion not started: the pump should be off';
      default:
        return 'The pump should show';
    }
  });
  protected readonly orderDetail = computed(() => {
    const order = this.admission()?.currentOrder;
    if (!order) {
      return '';
    }
    const since = formatWardClock(order.effectiveFrom, this.appInfo.wardTimeZone(), this.clock.now());
    return `${drugName(order.drug)} ${valueWithUnit(order.concentration)} ${routeShort(order.route)}, ordered from ${since}`;
  });
  protected readonly valueWithUnit = valueWithUnit;

  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal<ObservationSet | null>(null);
  protected readonly savedFlags = computed(() => withoutNews2(this.saved()?.flags ?? []));
  protected readonly savedUnacceptableSedation = computed(() =>
    isUnacceptable(this.saved()?.sedation ?? null),
  );
  protected readonly savedPartial = computed(() => {
    const set = this.saved();
    return set ? partialWords(set) : null;
  });
  /** When the next set is due after this one, by the schedule the board uses (ward time). */
  protected readonly savedNextDue = computed(() => {
    const set = this.saved();
    const admission = this.admission();
    if (!set || !admission) {
      return null;
    }
    const due = nextObservationDue({
      schedule: admission.observationSchedule ?? DEFAULT_SCHEDULE,
      admittedAt: new Date(admission.admittedAt),
      last: {
        takenAt: new Date(set.takenAt),
        news2Total: set.news2.total,
        news2Response: set.news2.response,
        sedation: set.sedation,
        partialReason: set.partialReason,
      },
      lastIntensifyingEventAt: intensifyingEventAt(admission),
      now: new Date(this.clock.now()),
    });
    return formatWardClock(due.nextDueAt.toISOString(), this.appInfo.wardTimeZone(), this.clock.now());
  });
  /** The key of the submission last sent and what it sent: the same submission again keeps the key. */
  private pending: { key: string; body: string } | null = null;

  constructor() {
    effect(() => {
      const id = this.admissionId();
      untracked(() => this.load(id));
    });

    const controls = this.form.controls;
    // The grid holds grades only while "Some: grade them" is chosen; "None" and not assessed clear it.
    controls.sideEffectsAnswer.valueChanges.pipe(takeUntilDestroyed()).subscribe((answer) => {
      if (answer !== 'graded') {
        controls.sideEffects.reset();
      }
    });
    controls.partialReason.valueChanges.pipe(takeUntilDestroyed()).subscribe((reason) => {
      if (reason !== 'other') {
        controls.partialReasonText.setValue('');
      }
    });
    controls.supplementalOxygen.valueChanges.pipe(takeUntilDestroyed()).subscribe((oxygen) => {
      if (!oxygen) {
        controls.oxygenDevice.setValue('');
      }
    });
  }

  protected wardTime(iso: string): string {
    return formatWardTime(iso, this.appInfo.wardTimeZone());
  }

  /** Enter saves from any field; Shift+Enter still starts a new line in the comment. */
  protected saveOnEnter(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) {
      return;
    }
    event.preventDefault();
    this.save();
  }

  /** One letter chooses in a radio group; other keys keep their usual meaning. */
  protected chooseByKey(
    event: KeyboardEvent,
    group: 'consciousness' | 'oxygen' | 'sideEffects' | 'partial',
  ): void {
    if (event.ctrlKey || event.altKey || event.metaKey) {
      return;
    }
    const key = event.key.toLowerCase();
    const controls = this.form.controls;
    const choose = <T>(keys: Record<string, T>, control: FormControl<T | null>) => {
      if (Object.hasOwn(keys, key)) {
        event.preventDefault();
        control.setValue(keys[key]);
        control.markAsDirty();
      }
    };
    switch (group) {
      case 'consciousness':
        return choose(CONSCIOUSNESS_KEYS, controls.consciousness);
      case 'oxygen':
        return choose(OXYGEN_KEYS, controls.supplementalOxygen);
      case 'sideEffects':
        return choose(SIDE_EFFECT_ANSWER_KEYS, controls.sideEffectsAnswer);
      case 'partial':
        return choose(PARTIAL_REASON_KEYS, controls.partialReason);
    }
  }

  /** The nurse confirms the readings asked about, and the set is saved with them. */
  protected confirmAndSave(): void {
    const values = this.request();
    const confirmed = { ...this.confirmed() };
    for (const { reading } of this.toConfirm()) {
      const value = values[reading];
      if (value !== undefined) {
        confirmed[reading] = value;
      }
    }
    this.confirmed.set(confirmed);
    this.toConfirm.set([]);
    this.save();
  }

  /** Not confirmed: back to the first reading asked about, to correct it. */
  protected correctReading(): void {
    const first = this.toConfirm()[0];
    this.toConfirm.set([]);
    if (first) {
      afterNextRender(
        () =>
          this.host.nativeElement.querySelector<HTMLElement>(`[formcontrolname="${first.reading}"]`)?.focus(),
        { injector: this.injector },
      );
    }
  }

  protected save(): void {
    const admission = this.admission();
    if (!admission || this.saving() || this.saved()) {
      return;
    }
    if (this.toConfirm().length > 0) {
      // Enter again while the question is open answers it: the nurse has looked at the values.
      this.confirmAndSave();
      return;
    }
    const { pumpRateValue, pumpRateUnit } = this.form.getRawValue();
    if (pumpRateValue.trim() && !pumpRateUnit) {
      this.form.controls.pumpRateUnit.setErrors({ required: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set(null);
      this.focusFirstInvalidField();
      return;
    }
    const request = this.request();
    if (!recordsAnything(request)) {
      this.problem.set({ title: 'Nothing to save', detail: 'Enter at least one observation.' });
      return;
    }
    if (!this.news2().complete && !request.partialReason) {
      this.problem.set({
        title: 'Why is the set partial?',
        detail: `${missingWords(this.news2().missing)}. Choose the reason, or complete the set.`,
      });
      this.focusPartialReason();
      return;
    }
    if (request.partialReason === 'other' && !request.partialReasonText) {
      this.form.controls.partialReasonText.setErrors({ required: true });
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    const unconfirmed = implausibleReadings(request).filter(
      (reading) => this.confirmed()[reading] !== request[reading],
    );
    if (unconfirmed.length > 0) {
      this.problem.set(null);
      this.toConfirm.set(
        unconfirmed.map((reading) => ({ reading, words: describeReading(reading, request[reading]!) })),
      );
      afterNextRender(() => this.confirmButton()?.nativeElement.focus(), { injector: this.injector });
      return;
    }
    const confirmedReadings = implausibleReadings(request);
    if (confirmedReadings.length > 0) {
      request.confirmedReadings = confirmedReadings;
    }
    const body = JSON.stringify(request);
    // A retry of the same submission (after a network error, say) sends the same key, so a set the
    // server did store the first time is not stored twice; anything changed is a new submission.
    const key = this.pending?.body === body ? this.pending.key : newIdempotencyKey();
    this.pending = { key, body };
    this.saving.set(true);
    this.problem.set(null);
    this.api.recordObservationSet(admission.id, request, key).subscribe({
      next: (set) => {
        this.pending = null;
        this.saving.set(false);
        this.saved.set(set);
        afterNextRender(() => this.backToBoard()?.nativeElement.focus(), { injector: this.injector });
      },
      error: (error: HttpErrorResponse) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  /** After a save: a blank chart for the same patient, the pump unit of the order again. */
  protected recordAnother(): void {
    this.saved.set(null);
    this.problem.set(null);
    this.pending = null;
    this.confirmed.set({});
    this.toConfirm.set([]);
    this.form.reset();
    this.form.controls.pumpRateUnit.setValue(this.admission()?.currentOrder?.rate.unit ?? '');
    this.focusFirstField();
  }

  private request(): CreateObservationSetRequest {
    return this.requestFrom(this.form.getRawValue());
  }

  private requestFrom(value: ReturnType<typeof this.form.getRawValue>): CreateObservationSetRequest {
    const grades =
      value.sideEffectsAnswer === 'none'
        ? NONE_OF_THEM
        : value.sideEffectsAnswer === 'graded'
          ? Object.fromEntries(Object.entries(value.sideEffects).filter(([, grade]) => grade !== null))
          : {};
    const request: CreateObservationSetRequest = {
      respirationRate: this.reading('respirationRate') ?? undefined,
      spo2: this.reading('spo2') ?? undefined,
      spo2Scale: this.scale2Target() ? value.spo2Scale : 1,
      supplementalOxygen: value.supplementalOxygen ?? undefined,
      oxygenDevice: (value.supplementalOxygen && value.oxygenDevice.trim()) || undefined,
      systolicBp: this.reading('systolicBp') ?? undefined,
      diastolicBp: this.reading('diastolicBp') ?? undefined,
      pulse: this.reading('pulse') ?? undefined,
      consciousness: value.consciousness ?? undefined,
      temperatureC: this.reading('temperatureC') ?? undefined,
      sedation: value.sedation ?? undefined,
      painScore: this.reading('painScore') ?? undefined,
      // Not answered: left out, which the API stores as not assessed, never as none.
      sideEffects: Object.keys(grades).length > 0 ? grades : undefined,
      pumpRate: this.pumpReading() ?? undefined,
      comment: value.comment.trim() || undefined,
      takenAt: value.takenAt ? wardTimeToInstant(value.takenAt, this.appInfo.wardTimeZone()) : undefined,
    };
    // A reason only explains something missing; a complete set carries none.
    if (!this.news2().complete && value.partialReason) {
      request.partialReason = value.partialReason;
      request.partialReasonText = value.partialReasonText.trim() || undefined;
    }
    // Fields left empty are left out, not sent as null.
    return Object.fromEntries(
      Object.entries(request).filter(([, item]) => item !== undefined),
    ) as CreateObservationSetRequest;
  }

  /** The number typed in a field, or null when it is empty or not a plausible reading. */
  private reading(name: Reading | 'pumpRateValue'): number | null {
    const control = this.form.controls[name];
    return control.valid ? (typedValue(control.value) ?? null) : null;
  }

  private load(id: string): void {
    this.admission.set(null);
    this.loadFailed.set(false);
    this.api.admission(id).subscribe({
      next: (admission) => {
        this.admission.set(admission);
        // The unit the order is in, so the nurse types only the number the pump shows.
        if (!this.form.controls.pumpRateUnit.value && admission.currentOrder) {
          this.form.controls.pumpRateUnit.setValue(admission.currentOrder.rate.unit);
        }
        this.focusFirstField();
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private focusFirstField(): void {
    afterNextRender(() => this.firstField()?.nativeElement.focus(), { injector: this.injector });
  }

  private focusPartialReason(): void {
    afterNextRender(
      () =>
        this.host.nativeElement.querySelector<HTMLElement>('.partial-reason input[type="radio"]')?.focus(),
      { injector: this.injector },
    );
  }

  private focusFirstInvalidField(): void {
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelector<HTMLElement>('form .ng-invalid:is(input, select, textarea)')
          ?.focus(),
      { injector: this.injector },
    );
  }
}

function isUnacceptable(sedation: Poss | null): boolean {
  return sedation === '3' || sedation === '4';
}

function withoutNews2(flags: ObservationFlag[]): ObservationFlag[] {
  return flags.filter((flag) => !flag.startsWith('news2-'));
}

/** An observation: any item recorded. Scale, times, comment and reasons alone are not one (ADR 6). */
function recordsAnything(request: CreateObservationSetRequest): boolean {
  const {
    spo2Scale: _scale,
    takenAt: _takenAt,
    comment: _comment,
    oxygenDevice: _device,
    partialReason: _reason,
    partialReasonText: _text,
    confirmedReadings: _confirmed,
    ...items
  } = request;
  return Object.keys(items).length > 0;
}

/** "off" or "0": what the pump shows when it is off. */
function isPumpOff(text: string): boolean {
  return text.trim().toLowerCase() === 'off';
}

const pumpNumber = typedNumber({ places: 4, min: 0, max: 10000 });

/** A rate such as 0.15, or 0 / "off" for a pump that is off. */
function pumpReadingRule(control: AbstractControl<string>): ValidationErrors | null {
  return isPumpOff(control.value ?? '') ? null : pumpNumber(control);
}

/** The latest start, resume or rate change once the infusion has started, as the board reckons it. */
function intensifyingEventAt(admission: Admission): Date | null {
  if (!STARTED.includes(admission.status)) {
    return null;
  }
  const starts = admission.events
    .filter((event) => event.type === 'start' || event.type === 'resume')
    .map((event) => Date.parse(event.occurredAt));
  if (starts.length === 0) {
    return null;
  }
  const lastStart = Math.max(...starts);
  const orderFrom = admission.currentOrder ? Date.parse(admission.currentOrder.effectiveFrom) : null;
  return new Date(orderFrom !== null && orderFrom > lastStart ? orderFrom : lastStart);
}
