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
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import {
  POSS_LEVELS,
  SIDE_EFFECTS,
  SIDE_EFFECT_GRADES,
  news2ResponseLabel,
  observationFlags,
  scoreNews2,
} from '@infusion-tracker/clinical';
import { map } from 'rxjs';
import {
  Admission,
  Consciousness,
  CreateObservationSetRequest,
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
} from './observation-labels';
import { WardApi } from './ward.api';

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

/**
 * The bedside observation set, on one screen, in the order of the paper chart.
 *
 * Keyboard first. Each choice with a chart default (SpO2 scale 1, air, Alert, no side effects) is one tab
 * stop that Tab passes over, and Enter saves from any field, so a typical full set is 34 keystrokes:
 *   16 Tab  96 Tab  Tab (scale 1)  Tab (air)  124 Tab  78 Tab  72 Tab  Tab (Alert)  36.8 Tab
 *   ↓ Tab (POSS: from S down to 1)  3 Tab  Tab (no side effects)  0.15 Enter
 * Side effects keep their place on the chart as one checkbox, "No side effects", ticked by default; the
 * grid of grades (one radio group, so one tab stop, per side effect) opens when it is unticked, so the
 * usual set costs one Tab there, not eleven.
 * The pump rate is never filled in from the order: the nurse types what the pump shows, or the check
 * would mean nothing.
 */
@Component({
  selector: 'app-observation-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    MatCheckbox,
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
    supplementalOxygen: this.formBuilder.control(false),
    oxygenDevice: ['', Validators.maxLength(60)],
    systolicBp: ['', READINGS.systolicBp],
    diastolicBp: ['', READINGS.diastolicBp],
    pulse: ['', READINGS.pulse],
    consciousness: this.formBuilder.control<Consciousness>('alert'),
    temperatureC: ['', READINGS.temperatureC],
    sedation: this.formBuilder.control<Poss | null>(null),
    painScore: ['', READINGS.painScore],
    noSideEffects: [true],
    sideEffects: this.formBuilder.group(
      Object.fromEntries(
        SIDE_EFFECTS.map((effect) => [effect, this.formBuilder.control<SideEffectGrade>('none')]),
      ) as Record<SideEffect, FormControl<SideEffectGrade>>,
    ),
    pumpRateValue: ['', typedNumber({ places: 4, min: 0, max: 10000, aboveMin: true })],
    pumpRateUnit: this.formBuilder.control<RateUnit | ''>(''),
    comment: ['', Validators.maxLength(2000)],
    takenAt: ['', notInTheFuture(() => this.clock.now(), this.appInfo.wardTimeZone)],
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly onOxygen = computed(() => this.value().supplementalOxygen);
  protected readonly noSideEffects = computed(() => this.value().noSideEffects);
  protected readonly unacceptableSedation = computed(() => isUnacceptable(this.value().sedation));
  private readonly pumpReading = computed<Rate | null>(() => {
    const { pumpRateUnit } = this.value();
    const value = this.reading('pumpRateValue');
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
      sideEffects: this.value().sideEffects,
      pumpRate: this.pumpReading(),
      currentOrderRate: this.admission()?.currentOrder?.rate ?? null,
    }),
  );
  /** The NEWS2 line says the band; the chips say the rest. */
  protected readonly otherFlags = computed(() => withoutNews2(this.flags()));
  protected readonly pumpCheck = computed(() => {
    const pump = this.pumpReading();
    const order = this.admission()?.currentOrder?.rate;
    if (!pump) {
      return null;
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
  protected readonly orderHeading = computed(() =>
    this.admission()?.status === 'paused'
      ? 'Paused. When it runs again, the pump should show'
      : 'The pump should show',
  );
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
  /** The key of the submission last sent and what it sent: the same submission again keeps the key. */
  private pending: { key: string; body: string } | null = null;

  constructor() {
    effect(() => {
      const id = this.admissionId();
      untracked(() => this.load(id));
    });

    const controls = this.form.controls;
    // Ticking "No side effects" again sets every grade back to none, as the closed grid says.
    controls.noSideEffects.valueChanges.pipe(takeUntilDestroyed()).subscribe((none) => {
      if (none) {
        controls.sideEffects.setValue(NONE_OF_THEM);
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

  protected save(): void {
    const admission = this.admission();
    if (!admission || this.saving() || this.saved()) {
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
    this.form.reset();
    this.form.controls.pumpRateUnit.setValue(this.admission()?.currentOrder?.rate.unit ?? '');
    this.focusFirstField();
  }

  private request(): CreateObservationSetRequest {
    const value = this.form.getRawValue();
    const request: CreateObservationSetRequest = {
      respirationRate: this.reading('respirationRate') ?? undefined,
      spo2: this.reading('spo2') ?? undefined,
      spo2Scale: value.spo2Scale,
      supplementalOxygen: value.supplementalOxygen,
      oxygenDevice: (value.supplementalOxygen && value.oxygenDevice.trim()) || undefined,
      systolicBp: this.reading('systolicBp') ?? undefined,
      diastolicBp: this.reading('diastolicBp') ?? undefined,
      pulse: this.reading('pulse') ?? undefined,
      consciousness: value.consciousness,
      temperatureC: this.reading('temperatureC') ?? undefined,
      sedation: value.sedation ?? undefined,
      painScore: this.reading('painScore') ?? undefined,
      sideEffects: value.sideEffects,
      pumpRate: this.pumpReading() ?? undefined,
      comment: value.comment.trim() || undefined,
      takenAt: value.takenAt ? wardTimeToInstant(value.takenAt, this.appInfo.wardTimeZone()) : undefined,
    };
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

/** The chart defaults (scale 1, air, Alert, no side effects) alone are not an observation. */
function recordsAnything(request: CreateObservationSetRequest): boolean {
  const {
    spo2Scale: _scale,
    supplementalOxygen,
    consciousness,
    sideEffects,
    takenAt: _takenAt,
    ...rest
  } = request;
  return (
    Object.keys(rest).length > 0 ||
    supplementalOxygen === true ||
    (consciousness !== undefined && consciousness !== 'alert') ||
    Object.values(sideEffects ?? {}).some((grade) => grade !== 'none')
  );
}
