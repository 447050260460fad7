import { AdmissionSummary } from '../core/api-types';
import { wardDate } from '../shared/ward-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Day 1 is the ward's calendar day of admission; each midnight on the ward starts the next day.
 * The count of dayOfStay in libs/clinical, which the ward board uses on the server.
 */
export function dayOfStay(admittedAt: string, now: number, timeZone: string): number {
  const elapsed = Date.parse(wardDate(now, timeZone)) - Date.parse(wardDate(admittedAt, timeZone));
  return Math.max(1, Math.round(elapsed / DAY_MS) + 1);
}

/** "Day 3 of 5" while on the ward; the length planned before arrival; the last day once discharged. */
export function describeStay(
  admission: Pick<AdmissionSummary, 'admittedAt' | 'plannedDays' | 'status'> & {
    dischargedAt?: string | null;
  },
  now: number,
  timeZone: string,
): string {
  const planned = admission.plannedDays === 1 ? '1 day' : `${admission.plannedDays} days`;
  switch (admission.status) {
    case 'planned':
    case 'cancelled':
      return `Planned for ${planned}`;
    case 'discharged':
      return admission.dischargedAt
        ? `Discharged on day ${dayOfStay(admission.admittedAt, Date.parse(admission.dischargedAt), timeZone)} of ${admission.plannedDays}`
        : `Planned for ${planned}`;
    default:
      return `Day ${dayOfStay(admission.admittedAt, now, timeZone)} of ${admission.plannedDays}`;
  }
}
