import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AdmissionStatus } from '../core/api-types';
import { STATUS_LABELS } from './admission-labels';

/** The admission's status in words; the outline only repeats what the words say. */
@Component({
  selector: 'app-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ label() }}`,
  host: { '[attr.data-status]': 'status()' },
  styles: `
    :host {
      display: inline-block;
      padding: 0.125rem 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      font-weight: 600;
    }
    :host([data-status='infusing']) {
      border-width: 2px;
      border-color: var(--mat-sys-primary);
    }
    :host([data-status='paused']) {
      border: 2px dashed var(--mat-sys-error);
    }
  `,
})
export class StatusBadge {
  readonly status = input.required<AdmissionStatus>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
}
