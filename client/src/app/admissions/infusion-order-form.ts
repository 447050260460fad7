import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  AboveMaximumRateProblem,
  Admission,
  OrderCreated,
  Problem,
  RATE_UNITS,
  ROUTES,
  Rate,
  RateUnit,
  Route,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { hasProblemType, toProblem } from '../core/problem';
import { notInTheFuture } from '../shared/clinical-time-field';
import { ProblemMessage } from '../shared/problem-message';
import { typedNumber, typedValue } from '../shared/typed-number';
import { toWardLocalInput, wardTimeToInstant } from '../shared/ward-time';
import { DRUG_LABELS, ROUTE_LABELS } from '../shared/admission-labels';
import { AdmissionsApi } from './admissions.api';
import { OrderDraft, readBack, valueWithUnit } from '../shared/order-words';
import { describeMinutes } from '../ward/due-words';
import { formatWardClock } from '../shared/ward-time';
import { currentIfStale } from './stale-version';
import { WardDateInput } from '../shared/ward-date-input';

/** Positive, finite, at most 4 decimal places: the server's rule for every value of an order. */
const ORDER_VALUE = typedNumber({ places: 4, min: 0, max: 10000, aboveMin: true });

/** A value and its unit come together or not at all. */
function unitWithValue(valueName: string, unitName: string) {
  return (group: AbstractControl): ValidationErrors | null => {
    const value = (group.get(valueName)?.value as string).trim();
    const unit = group.get(unitName)?.value as string;
    return value !== '' && !unit ? { [`${unitName}Missing`]: true } : null;
  };
}

/**
 * An order cannot exceed its own maximum. Two typed values in the same unit are compared, as the
 * server does; values in different units are never compared or converted.
 */
function rateWithinOwnMaximum(group: AbstractControl): ValidationErrors | null {
  const { rate, rateUnit, maxRate, maxRateUnit } = group.value as Record<string, string>;
  const rateValue = typedValue(rate ?? '');
  const maximum = typedValue(maxRate ?? '');
  if (rateValue === undefined || maximum === undefined || !rateUnit || rateUnit !== maxRateUnit) {
    return null;
  }
  return rateValue > maximum ? { rateAboveOwnMaximum: true } : null;
}

/**
 * The prescriber writes an order exactly as intended, reads it back in words and confirms it before
 * it is saved. Nothing is calculated or suggested: the rate is never filled in, and the other parts
 * are carried over only from what the prescriber wrote in the current order.
 */
@Component({
  selector: 'app-infusion-order-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    WardDateInput,
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    ProblemMessage,
  ],
  templateUrl: './infusion-order-form.html',
  styleUrls: ['./action-panel.scss', './infusion-order-form.scss'],
})
export class InfusionOrderForm implements OnInit {
  readonly admission = input.required<Admission>();
  readonly saved = output<OrderCreated>();
  readonly stale = output<Admission>();
  readonly closed = output();

  private readonly api = inject(AdmissionsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly injector = inject(Injector);
  private readonly formBuilder = inject(NonNullableFormBuilder);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly readBackText = viewChild<ElementRef<HTMLElement>>('readBack');
  private readonly overrideField = viewChild<ElementRef<HTMLInputElement>>('overrideField');

  protected readonly routes = ROUTES;
  protected readonly routeLabels = ROUTE_LABELS;
  protected readonly rateUnits = RATE_UNITS;
  protected readonly valueWithUnit = valueWithUnit;
  protected readonly fieldLabels = {
    drug: 'Drug',
    route: 'Route',
    'concentration.value': 'Concentration',
    'concentration.unit': 'Concentration unit',
    'rate.value': 'Rate',
    'rate.unit': 'Rate unit',
    'maxRate.value': 'Maximum rate',
    'maxRate.unit': 'Maximum rate unit',
    'increment.value': 'Planned increment',
    'increment.unit': 'Planned increment unit',
    minMinutesBetweenChanges: 'Least minutes between changes',
    endPoints: 'End points / stop criteria',
    effectiveFrom: 'Effective from (ward time)',
    reason: 'Reason for change',
    note: 'Note',
    overMaxReason: 'Override reason',
  };

  protected readonly current = computed(() => this.admission().currentOrder);
  protected readonly form = this.formBuilder.group(
    {
      drug: ['', Validators.required],
      route: ['intravenous' as Route, Validators.required],
      concentration: ['', [Validators.required, ORDER_VALUE]],
      concentrationUnit: ['', [Validators.required, Validators.maxLength(20)]],
      rate: ['', [Validators.required, ORDER_VALUE]],
      rateUnit: ['' as RateUnit | '', Validators.required],
      maxRate: ['', ORDER_VALUE],
      maxRateUnit: ['' as RateUnit | ''],
      increment: ['', ORDER_VALUE],
      incrementUnit: ['' as RateUnit | ''],
      minMinutes: ['', typedNumber({ places: 0, min: 1, max: 24 * 60 })],
      endPoints: [''],
      effectiveFrom: [
        '',
        [Validators.required, notInTheFuture(() => this.clock.now(), this.appInfo.wardTimeZone)],
      ],
      reason: ['', Validators.required],
      note: [''],
    },
    {
      validators: [
        unitWithValue('maxRate', 'maxRateUnit'),
        unitWithValue('increment', 'incrementUnit'),
        rateWithinOwnMaximum,
      ],
    },
  );

  protected readonly confirmForm = this.formBuilder.group({
    confirmed: [false, Validators.requiredTrue],
    overMaxReason: [''],
  });

  protected readonly step = signal<'edit' | 'read-back'>('edit');
  protected readonly draft = signal<OrderDraft | null>(null);
  protected readonly readBackLines = computed(() => {
    const draft = this.draft();
    return draft ? readBack(draft, this.appInfo.wardTimeZone(), this.clock.now()) : [];
  });
  /**
   * A change of rate, read back beside what the record says about the last change: old and new rate as
   * written, when the current order took effect, and the least interval that order itself records.
   * Facts side by side; the app neither compares them nor advises.
   */
  protected readonly rateChange = computed(() => {
    const draft = this.draft();
    const current = this.current();
    if (!draft || !current) {
      return null;
    }
    const now = this.clock.now();
    const sinceMinutes = Math.floor((now - Date.parse(current.effectiveFrom)) / 60_000);
    const lastChangeAt = formatWardClock(current.effectiveFrom, this.appInfo.wardTimeZone(), now);
    const interval = current.minMinutesBetweenChanges;
    return {
      from: valueWithUnit(current.rate),
      to: valueWithUnit(draft.rate),
      lastChange:
        sinceMinutes < 1
          ? `Last change just now (${lastChangeAt})`
          : `Last change ${describeMinutes(sinceMinutes)} ago (${lastChangeAt})`,
      interval:
        interval !== null && interval !== undefined
          ? `current order says at least ${interval} min between changes`
          : 'current order records no least interval between changes',
    };
  });
  /** The current order's maximum when it is in another unit than the new rate: said, never converted. */
  protected readonly maximumInOtherUnit = computed(() => {
    const draft = this.draft();
    const maximum = this.current()?.maxRate;
    return draft && maximum && maximum.unit !== draft.rate.unit ? maximum : null;
  });
  /** Set when the server refused the rate as above the current order's maximum. */
  protected readonly aboveMaximum = signal<{ rate: Rate; maximum: Rate } | null>(null);
  protected readonly attemptedConfirm = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly nowLocal = signal('');

  constructor() {
    afterNextRender(() => this.panel().nativeElement.focus());
  }

  ngOnInit(): void {
    this.fill();
  }

  protected review(): void {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.draft.set(this.draftFromForm());
    this.confirmForm.reset({ confirmed: false, overMaxReason: '' });
    this.attemptedConfirm.set(false);
    this.aboveMaximum.set(null);
    this.step.set('read-back');
    this.focusAfterRender(() => this.readBackText()?.nativeElement);
  }

  protected edit(): void {
    this.step.set('edit');
    this.problem.set(null);
    this.aboveMaximum.set(null);
    this.focusAfterRender(() => this.panel().nativeElement);
  }

  protected confirmAndSave(): void {
    const draft = this.draft();
    this.attemptedConfirm.set(true);
    const { confirmed, overMaxReason } = this.confirmForm.getRawValue();
    const overrideMissing = this.aboveMaximum() !== null && !overMaxReason.trim();
    if (!draft || !confirmed || overrideMissing) {
      this.confirmForm.markAllAsTouched();
      return;
    }
    const admission = this.admission();
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .writeOrder(admission.id, {
        version: admission.version,
        ...draft,
        ...(this.aboveMaximum() ? { overMaxReason: overMaxReason.trim() } : {}),
      })
      .subscribe({
        next: (created) => this.saved.emit(created),
        error: (error: HttpErrorResponse) => this.refused(error),
      });
  }

  private refused(error: HttpErrorResponse): void {
    this.saving.set(false);
    const current = currentIfStale(error);
    if (current) {
      this.stale.emit(current);
      return;
    }
    const problem = toProblem(error);
    if (hasProblemType(problem, 'above-maximum-rate')) {
      // Recorded only with the prescriber's reason, read back and confirmed again.
      const rate = this.draft()?.rate;
      const maximum = (problem as AboveMaximumRateProblem).maximumRate;
      if (rate && maximum) {
        this.aboveMaximum.set({ rate, maximum });
      } else {
        this.problem.set(problem);
      }
      this.confirmForm.reset({ confirmed: false, overMaxReason: '' });
      this.attemptedConfirm.set(false);
      this.focusAfterRender(() => this.overrideField()?.nativeElement);
      return;
    }
    this.problem.set(problem);
  }

  /** Drug from the admission; the rest of a titration plan as the prescriber wrote it last time. Never the rate. */
  private fill(): void {
    const admission = this.admission();
    const order = admission.currentOrder;
    const now = toWardLocalInput(this.clock.now(), this.appInfo.wardTimeZone());
    this.nowLocal.set(now);
    this.form.reset({
      drug:
        order?.drug ??
        (admission.drug === 'other' ? (admission.drugOther ?? '') : DRUG_LABELS[admission.drug]),
      route: order?.route ?? 'intravenous',
      concentration: order ? String(order.concentration.value) : '',
      concentrationUnit: order?.concentration.unit ?? '',
      rate: '',
      rateUnit: '',
      maxRate: order?.maxRate ? String(order.maxRate.value) : '',
      maxRateUnit: order?.maxRate?.unit ?? '',
      increment: order?.increment ? String(order.increment.value) : '',
      incrementUnit: order?.increment?.unit ?? '',
      minMinutes: order?.minMinutesBetweenChanges ? String(order.minMinutesBetweenChanges) : '',
      endPoints: order?.endPoints ?? '',
      effectiveFrom: now,
      reason: '',
      note: '',
    });
  }

  private draftFromForm(): OrderDraft {
    const value = this.form.getRawValue();
    const draft: OrderDraft = {
      drug: value.drug.trim(),
      route: value.route,
      concentration: { value: Number(value.concentration.trim()), unit: value.concentrationUnit.trim() },
      rate: { value: Number(value.rate.trim()), unit: value.rateUnit as RateUnit },
      effectiveFrom: wardTimeToInstant(value.effectiveFrom, this.appInfo.wardTimeZone()),
      reason: value.reason.trim(),
    };
    const maxRate = typedValue(value.maxRate);
    if (maxRate !== undefined) {
      draft.maxRate = { value: maxRate, unit: value.maxRateUnit as RateUnit };
    }
    const increment = typedValue(value.increment);
    if (increment !== undefined) {
      draft.increment = { value: increment, unit: value.incrementUnit as RateUnit };
    }
    const minMinutes = typedValue(value.minMinutes);
    if (minMinutes !== undefined) {
      draft.minMinutesBetweenChanges = minMinutes;
    }
    if (value.endPoints.trim()) {
      draft.endPoints = value.endPoints.trim();
    }
    if (value.note.trim()) {
      draft.note = value.note.trim();
    }
    return draft;
  }

  private focusAfterRender(target: () => HTMLElement | undefined): void {
    afterNextRender(() => target()?.focus(), { injector: this.injector });
  }
}
