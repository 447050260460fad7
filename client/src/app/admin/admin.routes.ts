import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { ACCESS } from '../core/auth/access';
import { AuthState } from '../core/auth/auth-state';
import { roleGuard } from '../core/auth/guards';

export default [
  {
    path: '',
    pathMatch: 'full',
    redirectTo: () => (inject(AuthState).hasAnyRole(ACCESS.users) ? 'users' : 'audit'),
  },
  {
    path: 'users',
    title: 'Users',
    canActivate: [roleGuard],
    data: { roles: ACCESS.users },
    loadComponent: () => import('./users-page').then((m) => m.UsersPage),
  },
  {
    path: 'audit',
    title: 'Audit trail',
    canActivate: [roleGuard],
    data: { roles: ACCESS.audit },
    loadComponent: () => import('./audit-page').then((m) => m.AuditPage),
  },
  {
    path: 'follow-up-schedule',
    title: 'Follow-up schedule',
    canActivate: [roleGuard],
    data: { roles: ACCESS.users },
    loadComponent: () => import('./follow-up-schedule-page').then((m) => m.FollowUpSchedulePage),
  },
] satisfies Routes;
