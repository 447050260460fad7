import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { NavigationStart, Router } from '@angular/router';
import { filter } from 'rxjs';
import { ProblemMessage } from '../../shared/problem-message';
import { ErrorNotice } from './error-notice';

/** The banner for HTTP errors no page handled itself. The alert region is always present so that
 * screen readers announce what appears in it. */
@Component({
  selector: 'app-error-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, ProblemMessage],
  template: `
    <div role="alert" class="region">
      @if (notice.problem(); as problem) {
        <div class="banner">
          <span class="label">Error</span>
          <app-problem-message class="message" [problem]="problem" />
          <button mat-stroked-button type="button" (click)="notice.dismiss()">Dismiss</button>
        </div>
      }
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      padding: 0.75rem 1rem;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-left: 6px solid var(--mat-sys-error);
    }
    .label {
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.05em;
    }
    .message {
      flex: 1 1 20rem;
    }
  `,
})
export class ErrorBanner {
  protected readonly notice = inject(ErrorNotice);

  constructor() {
    // An error belongs to the page it happened on.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationStart),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.notice.dismiss());
  }
}
