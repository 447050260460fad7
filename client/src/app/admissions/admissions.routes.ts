import { inject } from '@angular/core';
import { ResolveFn, Routes } from '@angular/router';
import { TimelineApi } from '../timeline/timeline.api';
import { loadChartLibrary } from '../timeline/chart-library';

/**
 * The timeline and the chart library are what the admission page waits for longest: asked for as soon
 * as the route is chosen (resolvers run before the page's code is loaded), not once the page exists.
 */
const prefetchTimeline: ResolveFn<null> = (route) => {
  const id = route.paramMap.get('id');
  if (id) {
    inject(TimelineApi).prefetch(id);
    loadChartLibrary().catch(() => undefined);
  }
  return null;
};

export default [
  {
    path: '',
    title: 'Admissions',
    loadComponent: () => import('./admission-list-page').then((m) => m.AdmissionListPage),
  },
  {
    path: ':id',
    title: 'Admission',
    resolve: { prefetchedTimeline: prefetchTimeline },
    loadComponent: () => import('./admission-page').then((m) => m.AdmissionPage),
  },
] satisfies Routes;
