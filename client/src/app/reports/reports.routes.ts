import { Routes } from '@angular/router';
import { ReportsPage } from './reports-page';

export default [
  { path: '', title: 'Reports', component: ReportsPage },
  // The outcome report and its hand-drawn plot load on their own (a lazy chunk).
  {
    path: 'outcomes',
    title: 'Outcome report',
    loadComponent: () => import('./outcome-report-page').then((m) => m.OutcomeReportPage),
  },
  {
    path: 'service',
    title: 'Service report',
    loadComponent: () => import('./service-report-page').then((m) => m.ServiceReportPage),
  },
] satisfies Routes;
