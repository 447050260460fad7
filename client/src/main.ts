import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { prefetchCodeFor } from './app/app.routes';

prefetchCodeFor(location.pathname);

bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
