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
import { HttpErrorResponse } from '@angular/common/http';
import { MatButton } from '@angular/material/button';
import {
  Admission,
  InfusionEventType,
  InfusionOrder,
  OrderCreated,
  Problem,
  Spo2Scale2Target,
  StaffName,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { ACCESS } from '../core/auth/access';
import { AuthState } from '../core/auth/auth-state';
import { Clock } from '../core/idle/clock';
import { toProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';
import { WardTimePipe } from '../shared/ward-time';
import { formatCalendarDate } from '../shared/patient-identity';
import { AdmissionHeader } from './admission-header';
import { DRUG_LABELS, INDICATION_LABELS } from '../shared/admission-labels';
import { AdmissionsApi } from './admissions.api';
import { CancelAdmissionForm } from './cancel-admission-form';
import { DischargeForm } from './discharge-form';
import { EnteredInErrorForm } from './entered-in-error-form';
import { EventHistory } from './event-history';
import { InfusionEventForm } from './infusion-event-form';
import { InfusionOrderForm } from './infusion-order-form';
import { OrderHistory } from './order-history';
import { ObservationSchedulePanel } from './observation-schedule-panel';
import { Spo2TargetPanel } from './spo2-target-panel';
import { ObservationHistory } from '../ward/observation-history';
import { AdmissionFollowUpsPanel } from '../follow-ups/admission-follow-ups-panel';
import { PatientContactPanel } from '../patients/patient-contact-panel';
import { currentOrderSentence } from '../shared/order-words';
import { recordedBy } from './recorded-by';
import { currentIfStale } from './stale-version';
// timeline (issue 10)
import { AdmissionTimeline } from '../timeline/admission-timeline';

/** The form open on the page, if any: one at a time, so a half-written order is never hidden behind another. */
type Panel =
  | { kind: 'order' }
  | { kind: 'event'; type: InfusionEventType }
  | { kind: 'discharge' }
  | { kind: 'cancel' }
  | { kind: 'entered-in-error'; order: InfusionOrder };

const EVENT_DONE: Record<InfusionEventType, string> = {
  start: 'Infusion start recorded.',
  pause: 'Pause recorded.',
  resume: 'Resume recorded.',
  stop: 'Infusion stop recorded.',
};

/** One admission: the header read at a glance, what may be done now, and the full history. */
@Component({
  selector: 'app-admission-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    ProblemMessage,
    WardTimePipe,
    AdmissionHeader,
    OrderHistory,
    EventHistory,
    InfusionOrderForm,
    InfusionEventForm,
    DischargeForm,
    CancelAdmissionForm,
    EnteredInErrorForm,
    ObservationHistory,
    ObservationSchedulePanel,
    Spo2TargetPanel,
    AdmissionFollowUpsPanel,
    PatientContactPanel,
    AdmissionTimeline,
  ],
  templateUrl: './admission-page.html',
  styleUrl: './admission-page.scss',
})
export class AdmissionPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(AdmissionsApi);
  private readonly auth = inject(AuthState);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly injector = inject(Injector);
  private readonly staleNotice = viewChild<ElementRef<HTMLElement>>('staleNotice');
  private readonly statusRegion = viewChild<ElementRef<HTMLElement>>('statusRegion');
  private readonly timeline = viewChild(AdmissionTimeline);

  protected readonly indicationLabels = INDICATION_LABELS;
  protected readonly drugLabels = DRUG_LABELS;
  protected readonly formatCalendarDate = formatCalendarDate;
  protected readonly timeZone = this.appInfo.wardTimeZone;

  protected readonly admission = signal<Admission | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly panel = signal<Panel | null>(null);
  protected readonly statusMessage = signal<string | null>(null);
  protected readonly actionProblem = signal<Problem | null>(null);
  /** The admission as someone else left it, when a write was refused as based on an old version. */
  protected readonly stale = signal<Admission | null>(null);
  protected readonly busy = signal(false);
  /**
   * What the page shows below the timeline (follow-ups, orders, events, observations, details): once the
   * admission is here, and not while the timeline's chart is being drawn, so that the chart comes first.
   * Once shown, it stays (a timeline read again later holds nothing back).
   */
  protected readonly detailsShown = signal(false);

  protected readonly isPrescriber = computed(() => this.auth.hasAnyRole(ACCESS.prescribing));
  /** Nurses may pause; every other change is the prescriber's. */
  protected readonly mayPause = computed(() => this.auth.hasAnyRole(ACCESS.admissions));
  protected readonly status = computed(() => this.admission()?.status);
  protected readonly isOpen = computed(() => {
    const status = this.status();
    return status !== undefined && status !== 'discharged' && status !== 'cancelled';
  });
  protected readonly eventPanelType = computed(() => {
    const panel = this.panel();
    return panel?.kind === 'event' ? panel.type : null;
  });
  protected readonly correctingOrder = computed(() => {
    const panel = this.panel();
    return panel?.kind === 'entered-in-error' ? panel.order : null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    effect(() => {
      if (this.admission() && !this.timeline()?.chartPending()) {
        this.detailsShown.set(true);
      }
    });
  }

  protected open(panel: Panel): void {
    this.statusMessage.set(null);
    this.actionProblem.set(null);
    this.panel.set(panel);
  }

  protected closePanel(): void {
    this.panel.set(null);
  }

  protected who(userId: string, staff: readonly StaffName[]): string {
    return recordedBy(userId, this.auth.user()?.id, staff);
  }

  protected eventSaved(type: InfusionEventType, admission: Admission): void {
    this.done(admission, EVENT_DONE[type]);
  }

  protected orderSaved(created: OrderCreated): void {
    const order = created.admission.currentOrder;
    const words = order
      ? `Order saved: ${currentOrderSentence(order, this.appInfo.wardTimeZone(), this.clock.now())}.`
      : 'Order saved.';
    const check =
      created.maximumRateCheck === 'not-comparable'
        ? ' The maximum rate is in another unit, so the app cannot compare them.'
        : created.maximumRateCheck === 'above'
          ? ' It is above the previous maximum; your override reason is recorded with it.'
          : '';
    this.done(created.admission, words + check);
  }

  protected done(admission: Admission, message: string): void {
    this.admission.set(admission);
    this.panel.set(null);
    this.stale.set(null);
    this.statusMessage.set(message);
    this.focusAfterRender(() => this.statusRegion()?.nativeElement);
  }

  protected changedElsewhere(current: Admission): void {
    this.stale.set(current);
    this.focusAfterRender(() => this.staleNotice()?.nativeElement);
  }

  /** Never retried by itself: the person sees what changed, then decides again. */
  protected scheduleChanged(id: string): void {
    this.statusMessage.set('Observation schedule saved.');
    this.load(id);
  }

  /** The server answered with the target in force; the rest of the admission is unchanged by it. */
  protected spo2TargetChanged(target: Spo2Scale2Target | null): void {
    this.admission.update((admission) => admission && { ...admission, spo2Scale2Target: target });
  }

  protected reloadCurrent(): void {
    const current = this.stale();
    if (!current) {
      return;
    }
    this.admission.set(current);
    this.stale.set(null);
    this.panel.set(null);
    this.statusMessage.set('Showing the admission as it is now. Check it before you change anything.');
    this.focusAfterRender(() => this.statusRegion()?.nativeElement);
  }

  /** Planned → admitted: the patient has arrived on the ward. */
  protected admitToWard(): void {
    const admission = this.admission();
    if (!admission) {
      return;
    }
    this.statusMessage.set(null);
    this.actionProblem.set(null);
    this.panel.set(null);
    this.busy.set(true);
    this.api.admit(admission.id, { version: admission.version }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.done(updated, 'Admitted to the ward.');
      },
      error: (error: HttpErrorResponse) => {
        this.busy.set(false);
        const current = currentIfStale(error);
        if (current) {
          this.changedElsewhere(current);
        } else {
          this.actionProblem.set(toProblem(error));
        }
      },
    });
  }

  private load(id: string): void {
    this.admission.set(null);
    this.loadFailed.set(false);
    this.api.get(id).subscribe({
      next: (admission) => this.admission.set(admission),
      error: () => this.loadFailed.set(true),
    });
  }

  private focusAfterRender(target: () => HTMLElement | undefined): void {
    afterNextRender(() => target()?.focus(), { injector: this.injector });
  }
}
