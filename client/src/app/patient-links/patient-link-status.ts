import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PatientLinkState } from '../core/api-types';

export const LINK_STATE_WORDS: Record<PatientLinkState['status'], string> = {
  out: 'Patient link out',
  opened: 'Patient link opened',
  answered: 'Patient answered',
  expired: 'Patient link expired',
  revoked: 'Patient link revoked',
};

/** What became of the latest link for the patient, in words (never a colour alone). */
export function linkStateWords(state: PatientLinkState): string {
  if (state.status !== 'answered') return LINK_STATE_WORDS[state.status];
  switch (state.review) {
    case 'waiting':
      return 'Patient answered: review the answers';
    case 'accepted':
      return 'Patient answered: accepted';
    case 'rejected':
      return 'Patient answered: rejected';
    default:
      return LINK_STATE_WORDS.answered;
  }
}

@Component({
  selector: 'app-patient-link-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (words(); as words) {
    <span class="patient-link-status" [attr.data-status]="state()?.status">{{ words }}</span>
  }`,
  styles: `
    .patient-link-status {
      display: inline-block;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 1rem;
    }
    [data-status='answered'] {
      font-weight: 600;
      border-color: var(--mat-sys-primary);
    }
  `,
})
export class PatientLinkStatus {
  readonly state = input<PatientLinkState | null>(null);
  protected readonly words = computed(() => {
    const state = this.state();
    return state ? linkStateWords(state) : null;
  });
}
