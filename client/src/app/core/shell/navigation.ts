import { Role } from '../api-types';
import { ACCESS } from '../auth/access';

export interface NavigationLink {
  label: string;
  path: string;
  roles: readonly Role[];
}

export const NAVIGATION: readonly NavigationLink[] = [
  { label: 'Ward', path: '/ward', roles: ACCESS.ward },
  { label: 'Admissions', path: '/admissions', roles: ACCESS.admissions },
  { label: 'Patients', path: '/patients', roles: ACCESS.patients },
  { label: 'Follow-ups', path: '/follow-ups', roles: ACCESS.followUps },
  { label: 'Reports', path: '/reports', roles: ACCESS.reports },
  { label: 'Admin', path: '/admin/users', roles: ACCESS.users },
  { label: 'Audit trail', path: '/admin/audit', roles: ACCESS.audit },
  { label: 'Follow-up schedule', path: '/admin/follow-up-schedule', roles: ACCESS.users },
];
