import { RenderMode, ServerRoute } from '@angular/ssr';

/**
 * What the server renders (ADR 13): the admission page, whose chart a reviewer waits for; every other page
 * is rendered in the browser, as before.
 */
export const serverRoutes: ServerRoute[] = [
  { path: 'admissions/:id', renderMode: RenderMode.Server },
  { path: '**', renderMode: RenderMode.Client },
];
