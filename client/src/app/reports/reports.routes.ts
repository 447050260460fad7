import { Routes } from '@angular/router';
import { ReportsPage } from './reports-page';

export default [{ path: '', title: 'Reports', component: ReportsPage }] satisfies Routes;
