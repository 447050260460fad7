import { Routes } from '@angular/router';
import { FollowUpsPage } from './follow-ups-page';

export default [{ path: '', title: 'Follow-ups', component: FollowUpsPage }] satisfies Routes;
