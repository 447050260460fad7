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
    case 'discharged': {
      if (!admission.dischargedAt) return `Planned for ${planned}`;
      const day = dayOfStay(admission.admittedAt, Date.parse(admission.dischargedAt), timeZone);
      // The morning after the last planned day is a usual day to go home: never "day 4 of 3".
      return day > admission.plannedDays
        ? `Discharged on day ${day} (${planned} planned)`
        : `Discharged on day ${day} of ${admission.plannedDays}`;
    }
    default:
      return `Day ${dayOfStay(admission.admittedAt, now, timeZone)} of ${admission.plannedDays}`;
  }
}
