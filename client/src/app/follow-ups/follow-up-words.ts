import { PatientContact, WorklistFollowUp } from '../core/api-types';
import { formatCalendarDate } from '../shared/patient-identity';
import { CONTACT_METHOD_LABELS, PHONE_LABEL_WORDS } from '../shared/follow-up-labels';

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); no time zone enters into it. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** "1–7 Jul 2025" or "29 Jun – 5 Jul 2025": a follow-up's window, both ends included. */
export function windowWords(start: string, end: string): string {
  return start === end
    ? formatCalendarDate(start)
    : `${formatCalendarDate(start)} – ${formatCalendarDate(end)}`;
}

/** Where a follow-up stands today, in words that do not need colour: "Overdue by 3 days". */
export function followUpTiming(followUp: WorklistFollowUp, today: string): string {
  switch (followUp.status) {
    case 'overdue':
      return `Overdue by ${days(daysBetween(followUp.windowEnd, today))}`;
    case 'due': {
      const left = daysBetween(today, followUp.windowEnd);
      return left === 0 ? 'Due: last day of the window' : `Due: ${days(left)} left in the window`;
    }
    case 'missed':
      return `Missed after ${followUp.attemptCount} failed attempts; window open until ${formatCalendarDate(followUp.windowEnd)}`;
    case 'upcoming': {
      const until = daysBetween(today, followUp.windowStart);
      return until === 1 ? 'Window opens tomorrow' : `Window opens in ${days(until)}`;
    }
    case 'done':
      return 'Done';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** "Mobile 0412 345 678 · Home 02 9876 5432", or that there is none. */
export function phoneWords(contact: PatientContact | null | undefined): string {
  const numbers = contact?.phoneNumbers ?? [];
  return numbers.length
    ? numbers.map((phone) => `${PHONE_LABEL_WORDS[phone.label]} ${phone.number}`).join(' · ')
    : 'No phone number recorded';
}

export function preferredMethodWords(contact: PatientContact | null | undefined): string {
  const method = contact?.preferredMethod;
  return method ? `Prefers ${CONTACT_METHOD_LABELS[method].toLowerCase()}` : 'No preferred method recorded';
}
