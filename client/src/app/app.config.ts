import { isPlatformBrowser } from '@angular/common';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  ApplicationConfig,
  PLATFORM_ID,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideClientHydration, withNoHttpTransferCache } from '@angular/platform-browser';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { AppInfoStore } from './core/app-info/app-info-store';
import { AuthState } from './core/auth/auth-state';
import { problemInterceptor } from './core/http/problem.interceptor';
import { serverCookieInterceptor } from './core/http/server-cookie.interceptor';
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
    // A page the server rendered (ADR 13) is taken over as it is, not drawn again. What the server read for
    // it comes with it through PageState: HttpClient's own cache would skip the API's no-store answers.
    provideClientHydration(withNoHttpTransferCache()),
    provideHttpClient(
      withInterceptors([serverCookieInterceptor, problemInterceptor]),
      // Double-submit CSRF: the server sets XSRF-TOKEN and checks the header on every write.
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    ),
    provideAppInitializer(() => {
      const appInfo = inject(AppInfoStore);
      const auth = inject(AuthState);
      const idleLock = inject(IdleLock);
      const browser = isPlatformBrowser(inject(PLATFORM_ID));
      return Promise.all([appInfo.load(), auth.load()]).then(() => {
        if (browser) idleLock.watchSession();
      });
    }),
  ],
};
