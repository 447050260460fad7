import { Routes } from '@angular/router';
import { ACCESS } from './core/auth/access';
import {
  homeRedirect,
  mustChangePasswordGuard,
  roleGuard,
  signedInGuard,
  signedOutGuard,
} from './core/auth/guards';
import { NoAccessPage } from './core/pages/no-access-page';
import { NotFoundPage } from './core/pages/not-found-page';
import { Shell } from './core/shell/shell';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./account/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'change-password',
    title: 'Change password',
    canActivate: [signedInGuard],
    loadComponent: () => import('./account/change-password-page').then((m) => m.ChangePasswordPage),
  },
  // Patient-reported follow-ups (issue 13): the patient's page, outside the signed-in shell.
  {
    path: 'r/:token',
    title: 'Your follow-up questions',
    loadComponent: () =>
      import('./patient-response/patient-response-page').then((m) => m.PatientResponsePage),
  },
  {
    path: '',
    component: Shell,
    canActivateChild: [signedInGuard, mustChangePasswordGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'ward',
        canActivate: [roleGuard],
        data: { roles: ACCESS.ward },
        loadChildren: () => import('./ward/ward.routes'),
      },
      {
        path: 'admissions',
        canActivate: [roleGuard],
        data: { roles: ACCESS.admissions },
        loadChildren: () => import('./admissions/admissions.routes'),
      },
      {
        path: 'patients',
        canActivate: [roleGuard],
        data: { roles: ACCESS.patients },
        loadChildren: () => import('./patients/patients.routes'),
      },
      {
        path: 'follow-ups',
        canActivate: [roleGuard],
        data: { roles: ACCESS.followUps },
        loadChildren: () => import('./follow-ups/follow-ups.routes'),
      },
      {
        path: 'reports',
        canActivate: [roleGuard],
        data: { roles: ACCESS.reports },
        loadChildren: () => import('./reports/reports.routes'),
      },
      { path: 'admin', loadChildren: () => import('./admin/admin.routes') },
      { path: 'no-access', title: 'No access', component: NoAccessPage },
      { path: '**', title: 'Page not found', component: NotFoundPage },
    ],
  },
];
