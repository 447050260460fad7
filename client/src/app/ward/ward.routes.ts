import { Routes } from '@angular/router';
import { WardPage } from './ward-page';

export default [{ path: '', title: 'Ward', component: WardPage }] satisfies Routes;
