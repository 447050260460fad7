import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-no-access-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="page">
      <h1>You do not have access to this page</h1>
      <p>
        Your roles do not include this part of the infusion tracker. If you need it for your work, ask an
        administrator to change your roles.
      </p>
      <p><a routerLink="/">Go to the start page</a></p>
    </section>
  `,
})
export class NoAccessPage {}
