import { dayOfStay as dayOfStayInZone } from '@infusion-tracker/clinical';
import { AdmissionSummary } from '../core/api-types';

/** Day 1 is the ward's calendar day of admission: the same count the server's ward board uses. */
export function dayOfStay(admittedAt: string, now: number, timeZone: string): number {
  return dayOfStayInZone(new Date(admittedAt), new Date(now), timeZone);
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
