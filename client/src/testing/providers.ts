import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
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
