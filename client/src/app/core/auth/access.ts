import { Role } from '../api-types';

/** Which roles may open each part of the app. Routes and the navigation both read this, so a
 * link is shown exactly when its page would open. The server enforces the same rules. */
export const ACCESS = {
  ward: ['nurse', 'prescriber'],
  admissions: ['nurse', 'prescriber'],
  patients: ['nurse', 'prescriber'],
  /** Registering patients, admitting, writing orders, discharging. */
  prescribing: ['prescriber'],
  followUps: ['nurse', 'prescriber'],
  reports: ['auditor', 'prescriber', 'admin'],
  users: ['admin'],
  audit: ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export const ROLE_LABELS: Record<Role, string> = {
  nurse: 'Nurse',
  prescriber: 'Prescriber',
  auditor: 'Auditor',
  admin: 'Admin',
};
