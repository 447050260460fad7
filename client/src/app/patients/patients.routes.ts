import { Routes } from '@angular/router';
import { ACCESS } from '../core/auth/access';
import { roleGuard } from '../core/auth/guards';

export default [
  {
    path: '',
    title: 'Patients',
    loadComponent: () => import('./patient-search-page').then((m) => m.PatientSearchPage),
  },
  {
    path: 'new',
    title: 'New patient',
    canActivate: [roleGuard],
    data: { roles: ACCESS.prescribing },
    loadComponent: () => import('./new-patient-page').then((m) => m.NewPatientPage),
  },
  {
    // The admission form belongs to admissions; its address starts from the patient being admitted.
    path: ':patientId/admit',
    title: 'Admit patient',
    canActivate: [roleGuard],
    data: { roles: ACCESS.prescribing },
    loadComponent: () => import('../admissions/admit-page').then((m) => m.AdmitPage),
  },
] satisfies Routes;
