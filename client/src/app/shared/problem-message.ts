import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Problem } from '../core/api-types';

/** Shows a problem+json answer: its title, its detail and, for a validation error, each field's messages. */
@Component({
  selector: 'app-problem-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="title">{{ problem().title }}</p>
    @if (problem().detail; as detail) {
      <p class="detail">{{ detail }}</p>
    }
    @if (problem().errors?.length) {
      <ul class="field-errors">
        @for (error of problem().errors; track error.field) {
          <li>
            <strong>{{ fieldLabels()[error.field] ?? error.field }}:</strong>
            {{ error.messages.join(' ') }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0 0 0.25rem;
    }
    .title {
      font-weight: 600;
    }
    ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
  `,
})
export class ProblemMessage {
  readonly problem = input.required<Problem>();
  /** Names the person sees for the server's field names, e.g. `{ newPassword: 'New password' }`. */
  readonly fieldLabels = input<Partial<Record<string, string>>>({});
}
