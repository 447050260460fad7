import { Patient, Sex } from '../core/api-types';

export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

/** "NGUYEN, Thi Mai": the family name in capitals, as wristbands and notes write it. */
export function patientName(patient: Pick<Patient, 'familyName' | 'givenName'>): string {
  return `${patient.familyName.toLocaleUpperCase('en-GB')}, ${patient.givenName}`;
}

/** "30 Apr 1975" for "1975-04-30": a calendar date, the same in every time zone. */
export function formatCalendarDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}
