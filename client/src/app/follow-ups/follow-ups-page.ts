import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-follow-ups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>Follow-ups</h1>
      <p>The follow-up worklist arrives with follow-ups after discharge.</p>
      <p>
        It will list the calls due after each discharge, the attempts made, and the outcome answers recorded.
      </p>
    </section>
  `,
})
export class FollowUpsPage {}
