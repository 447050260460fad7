import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { problemInterceptor } from '../app/core/http/problem.interceptor';

/** The app's own HTTP and router set-up, with HttpTestingController in place of the network. */
export function provideTestApp(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([problemInterceptor])),
    provideHttpClientTesting(),
  ];
}

/**
 * Checks that no request is left open, apart from the admission timeline's own loads: the admission
 * page embeds the timeline, whose requests and drawing are tested in timeline/.
 */
export function verifyLeavingTimelineAside(http: HttpTestingController): void {
  http.match((request) => /\/api\/admissions\/[^/]+\/timeline$/.test(request.url));
  http.verify();
}
