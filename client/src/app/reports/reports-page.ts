import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="page">
      <h1>Reports</h1>
      <ul>
        <li>
          <a routerLink="outcomes">Outcomes</a>: how long pain relief lasts after an infusion, who responds,
          and responder rates at each follow-up, with the analysis data set as CSV.
        </li>
        <li>
          <a routerLink="service">Service</a>: admissions per month, length of stay, pauses, side effects,
          sedation, NEWS2 episodes, pump checks, observations on time and follow-up completion.
        </li>
      </ul>
    </section>
  `,
})
export class ReportsPage {}
