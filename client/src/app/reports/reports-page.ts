import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>Reports</h1>
      <p>Outcome and service reports arrive once follow-ups are recorded.</p>
      <p>
        They will show how long pain relief lasts after an infusion, responder rates, and service audit
        figures, with CSV exports.
      </p>
    </section>
  `,
})
export class ReportsPage {}
