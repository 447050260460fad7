import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { AppInfoStore } from './core/app-info/app-info-store';
import { AuthState } from './core/auth/auth-state';
import { problemInterceptor } from './core/http/problem.interceptor';
import { IdleLock } from './core/idle/idle-lock';
import { PageTitleStrategy } from './core/page-title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    // A field's error or hint takes the room it needs, so a long message never overlaps what follows.
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } },
    provideHttpClient(
      withInterceptors([problemInterceptor]),
      // Double-submit CSRF: the server sets XSRF-TOKEN and checks the header on every write.
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    ),
    provideAppInitializer(() => {
      const appInfo = inject(AppInfoStore);
      const auth = inject(AuthState);
      const idleLock = inject(IdleLock);
      return Promise.all([appInfo.load(), auth.load()]).then(() => idleLock.watchSession());
    }),
  ],
};
