import { Routes } from '@angular/router';
import { FollowUpsPage } from './follow-ups-page';

export default [
  { path: '', title: 'Follow-ups', component: FollowUpsPage },
  {
    path: ':followUpId/outcome',
    title: 'Follow-up outcome',
    loadComponent: () => import('./outcome-page').then((m) => m.OutcomePage),
  },
] satisfies Routes;
