import { BootstrapContext, bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { serverConfig } from './app/app.config.server';

/** The app as the server renders it (ADR 13): only the admission page; see app.routes.server.ts. */
export default (context: BootstrapContext) => bootstrapApplication(App, serverConfig, context);
