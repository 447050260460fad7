import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-ward-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>Ward</h1>
      <p>The ward board arrives with bedside observations.</p>
      <p>
        It will list each admitted patient with the running infusion, when observations are next due, and the
        latest NEWS2 score.
      </p>
    </section>
  `,
})
export class WardPage {}
