import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { painChange } from '@infusion-tracker/clinical';

/** "57 %": whole percentages, as the service speaks of them; the flags use the exact value. */
const percentWords = (percent: number) => `${Math.round(Math.abs(percent))} %`;
const points = (value: number) => `${Math.abs(value)} ${Math.abs(value) === 1 ? 'point' : 'points'}`;

/** The change from `baseline` to `now` in words: "Down 4 points (57 %) from baseline 7". */
export function painChangeWords(baseline: number, now: number): string {
  const change = painChange(baseline, now);
  if (change.absolute === 0) {
    return `No change from baseline ${baseline}`;
  }
  const direction = change.absolute > 0 ? 'Down' : 'Up';
  const percent = change.percent === null ? '' : ` (${percentWords(change.percent)})`;
  return `${direction} ${points(change.absolute)}${percent} from baseline ${baseline}`;
}

/** IMMPACT: "≥50 % reduction: substantial", "≥30 % reduction: moderately important", or why there is none. */
export function reductionWords(baseline: number, now: number): string {
  const change = painChange(baseline, now);
  if (change.percent === null) {
    return 'No percentage change: the baseline was 0';
  }
  if (change.reduced50) {
    return 'At least a 50 % reduction (substantial)';
  }
  if (change.reduced30) {
    return 'At least a 30 % reduction (moderately important)';
  }
  return change.absolute < 0 ? 'Pain is worse than at baseline' : 'Less than a 30 % reduction';
}

/**
 * Baseline, pain at discharge and pain now, with the change from baseline, announced politely as the
 * person types. Only arithmetic on the recorded scores (libs/clinical painChange).
 */
@Component({
  selector: 'app-pain-change-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="scores">
      <div>
        <dt>Baseline pain</dt>
        <dd>{{ baseline() }}</dd>
      </div>
      @if (showDischarge()) {
        <div>
          <dt>At discharge</dt>
          <dd>{{ atDischarge() ?? 'Not recorded' }}</dd>
        </div>
      }
      <div>
        <dt>{{ nowLabel() }}</dt>
        <dd>{{ now() ?? '–' }}</dd>
      </div>
    </dl>
    <p class="change" role="status" aria-live="polite">
      @if (words(); as words) {
        <span class="change-words">{{ words.change }}</span>
        <span class="reduction" [attr.data-reduction]="words.level">{{ words.reduction }}</span>
      } @else {
        <span class="change-words">Change from baseline: enter the pain score.</span>
      }
    </p>
  `,
  styles: `
    :host {
      display: block;
      margin: 0.5rem 0 1rem;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
    .scores {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .change {
      margin: 0.5rem 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .change-words {
      font-weight: 600;
    }
    [data-reduction='50'],
    [data-reduction='30'] {
      text-decoration: underline;
    }
  `,
})
export class PainChangeSummary {
  readonly baseline = input.required<number>();
  /** The score being typed; null while the field is empty or not a score. */
  readonly now = input<number | null>(null);
  readonly nowLabel = input('Pain now');
  readonly atDischarge = input<number | null>(null);
  readonly showDischarge = input(false);

  protected readonly words = computed(() => {
    const now = this.now();
    if (now === null) {
      return null;
    }
    const baseline = this.baseline();
    const change = painChange(baseline, now);
    return {
      change: painChangeWords(baseline, now),
      reduction: reductionWords(baseline, now),
      level: change.reduced50 ? '50' : change.reduced30 ? '30' : 'none',
    };
  });
}
