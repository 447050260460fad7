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
 * exists; the picture not when the page the server rendered shows it already (ADR 13). The chart library
 * is fetched at once only when there is no picture: with one, it loads once the picture is on screen,
 * rather than competing with the page's own code for the processor.
 */
export const prefetchTimeline: ResolveFn<null> = (route) => {
  const id = route.paramMap.get('id');
  if (id) {
    inject(TimelineApi).prefetch(id);
    const pictures = inject(TimelinePictures);
    const [width, compact] = [estimatedChartWidth(), compactScreen()];
    // The server puts the picture's address in the page it renders (ADR 13); so, then, does the browser.
    if (!isPlatformBrowser(inject(PLATFORM_ID)) || pictures.comesWithPage(id, width, compact)) return null;
    void pictures.prefetch(id, width, compact).then((svg) => {
      if (!svg) loadChartLibrary().catch(() => undefined);
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
