import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { News2Response } from '../core/api-types';
import { news2Words } from './observation-labels';

/** "5 – medium" on the colour of its band; "Incomplete" when a parameter is missing. The words carry
 * the meaning, the colour repeats it. */
@Component({
  selector: 'app-news2-band',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ words() }}`,
  host: { '[attr.data-band]': 'band()' },
  styles: `
    :host {
      display: inline-block;
      padding: 0.125rem 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      font-weight: 600;
      white-space: nowrap;
    }
    :host([data-band='incomplete']) {
      border-style: dashed;
      font-weight: 400;
      font-style: italic;
    }
    :host([data-band='low-medium']) {
      border: 2px solid #8a6d00;
      background: #fff3c4;
      color: #3d3000;
    }
    :host([data-band='medium']) {
      border: 2px solid #b34700;
      background: #ffdcc2;
      color: #3d1600;
    }
    :host([data-band='high']) {
      border: 3px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font-weight: 700;
    }
  `,
})
export class News2Band {
  readonly complete = input.required<boolean>();
  readonly total = input.required<number | null>();
  readonly response = input.required<News2Response | null>();

  protected readonly words = computed(() =>
    news2Words({ complete: this.complete(), total: this.total(), response: this.response() }),
  );
  protected readonly band = computed(() =>
    this.complete() ? (this.response() ?? 'incomplete') : 'incomplete',
  );
}
