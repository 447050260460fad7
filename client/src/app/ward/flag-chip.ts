import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FLAG_LABELS } from '@infusion-tracker/clinical';
import { ObservationFlag } from '../core/api-types';
import { SHORT_FLAG_LABELS } from './observation-labels';

// Material Icons "warning" and "error" (Apache 2.0), drawn inline: the ward may not reach a font CDN.
const WARNING = 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z';
const ERROR =
  'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z';

/** One flag of an observation set, in words with an icon; the colour only repeats what they say. */
@Component({
  selector: 'app-flag-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path [attr.d]="icon()" />
    </svg>
    <span>{{ label() }}</span>
  `,
  host: { '[attr.data-flag]': 'flag()', '[class.full]': 'full()' },
  styles: `
    :host {
      display: inline-flex;
      gap: 0.25rem;
      align-items: flex-start;
      padding: 0.125rem 0.5rem 0.125rem 0.375rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 1rem;
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-label-large);
      line-height: 1.35;
    }
    :host(.full) {
      border-radius: 6px;
      font: var(--mat-sys-body-medium);
    }
    svg {
      flex: none;
      fill: currentColor;
      margin-top: 0.05rem;
    }
    :host([data-flag='unacceptable-sedation']),
    :host([data-flag='news2-high']),
    :host([data-flag='severe-side-effect']),
    :host([data-flag='pump-discrepancy']),
    :host([data-flag='pump-running-while-stopped']) {
      border: 2px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font-weight: 600;
    }
    :host([data-flag='news2-incomplete']) {
      border-style: dashed;
    }
  `,
})
export class FlagChip {
  readonly flag = input.required<ObservationFlag>();
  /** The full wording of libs/clinical, as on the form; the board uses the short one. */
  readonly full = input(false);

  protected readonly label = computed(() => (this.full() ? FLAG_LABELS : SHORT_FLAG_LABELS)[this.flag()]);
  protected readonly icon = computed(() => (this.flag() === 'news2-incomplete' ? ERROR : WARNING));
}
