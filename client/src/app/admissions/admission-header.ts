import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Admission } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { SEX_LABELS, formatCalendarDate, patientName } from '../shared/patient-identity';
import { describeStay } from '../shared/day-of-stay';
import { currentOrderSentence, minutes, valueWithUnit } from '../shared/order-words';
import { StatusBadge } from '../shared/status-badge';
import { haltedInfusionWords, isNotStarted, latestEvent } from '../shared/infusion-state';

/** Who, where, which day, and what is running now: the part of the record read at a glance. */
@Component({
  selector: 'app-admission-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusBadge],
  templateUrl: './admission-header.html',
  styleUrl: './admission-header.scss',
})
export class AdmissionHeader {
  readonly admission = input.required<Admission>();

  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);

  protected readonly valueWithUnit = valueWithUnit;
  protected readonly minutes = minutes;
  protected readonly name = computed(() => patientName(this.admission().patient));
  protected readonly dateOfBirth = computed(() => formatCalendarDate(this.admission().patient.dateOfBirth));
  protected readonly sex = computed(() => SEX_LABELS[this.admission().patient.sex]);
  protected readonly stay = computed(() =>
    describeStay(this.admission(), this.clock.now(), this.appInfo.wardTimeZone()),
  );
  /** "Not started", "Paused since 13:59: hallucinations": said before the order whenever the infusion is not running. */
  protected readonly heldWords = computed(() => {
    const admission = this.admission();
    return haltedInfusionWords(
      admission.status,
      latestEvent(admission.events ?? []),
      this.appInfo.wardTimeZone(),
      this.clock.now(),
    );
  });
  /** What the order's rate is while the infusion is not running: ordered and waiting, or the last one. */
  protected readonly heldOrderLabel = computed(() =>
    isNotStarted(this.admission().status) ? 'Ordered rate, not started' : 'Last ordered rate',
  );
  protected readonly orderSentence = computed(() => {
    const order = this.admission().currentOrder;
    return order ? currentOrderSentence(order, this.appInfo.wardTimeZone(), this.clock.now()) : null;
  });
}
