import { FetchBackend, HttpBackend } from '@angular/common/http';
import { ApplicationConfig, mergeApplicationConfig } from '@angular/core';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import { appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';

export const serverConfig: ApplicationConfig = mergeApplicationConfig(appConfig, {
  providers: [
    provideServerRendering(withRoutes(serverRoutes)),
    // Node's fetch, which may send the browser's cookie with the page's API calls (the XMLHttpRequest
    // the server would otherwise use may not); the browser keeps its own XMLHttpRequest.
    FetchBackend,
    { provide: HttpBackend, useExisting: FetchBackend },
  ],
});
