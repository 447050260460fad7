import { isPlatformBrowser } from '@angular/common';
import { PLATFORM_ID, inject } from '@angular/core';
import { ResolveFn, Routes } from '@angular/router';
import { TimelineApi } from '../timeline/timeline.api';
import { loadChartLibrary } from '../timeline/chart-library';
import { compactScreen, estimatedChartWidth } from '../timeline/timeline-picture';
import { TimelinePictures } from '../timeline/timeline-pictures';

/**
 * The timeline and the stay chart's picture (ADR 12) are what the admission page waits for longest: asked
 * for as soon as the route is chosen (resolvers run before the page's code is loaded), not once the page
 * exists. The chart library is fetched at once only when there is no picture: with one, it loads once the
 * picture is on screen, rather than competing with the page's own code for the processor.
 */
const prefetchTimeline: ResolveFn<null> = (route) => {
  const id = route.paramMap.get('id');
  if (id) {
    inject(TimelineApi).prefetch(id);
    const browser = isPlatformBrowser(inject(PLATFORM_ID));
    void inject(TimelinePictures)
      .prefetch(id, estimatedChartWidth(), compactScreen())
      .then((svg) => {
        if (!svg && browser) loadChartLibrary().catch(() => undefined);
      });
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
