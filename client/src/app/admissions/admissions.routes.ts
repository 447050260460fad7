import { Routes } from '@angular/router';

export default [
  {
    path: '',
    title: 'Admissions',
    loadComponent: () => import('./admission-list-page').then((m) => m.AdmissionListPage),
  },
  {
    path: ':id',
    title: 'Admission',
    loadComponent: () => import('./admission-page').then((m) => m.AdmissionPage),
  },
] satisfies Routes;
