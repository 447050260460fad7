import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ErrorBanner } from './core/http/error-banner';
import { IdleWarning } from './core/idle/idle-warning';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, ErrorBanner, IdleWarning],
  template: `
    <app-error-banner />
    <app-idle-warning />
    <router-outlet />
  `,
})
export class App {}
