import { Routes } from '@angular/router';

export default [
  {
    path: '',
    title: 'Ward',
    loadComponent: () => import('./ward-board-page').then((m) => m.WardBoardPage),
  },
  {
    path: 'admissions/:admissionId/observations/new',
    title: 'Record observations',
    loadComponent: () => import('./observation-form-page').then((m) => m.ObservationFormPage),
  },
] satisfies Routes;
