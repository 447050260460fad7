import type { Locator, Page } from '@playwright/test';

export interface FollowUpOutcome {
  method: 'Phone' | 'Video call' | 'Clinic visit' | 'Letter';
  painNow: string;
  painWorstWeek?: string;
  /** "3 Minimally improved" */
  pgic?: string;
  benefitOngoing: boolean;
  /** YYYY-MM-DD, when benefit ended. */
  benefitEndedOn?: string;
  aboutTheDate?: boolean;
}

/** The outcome form of one follow-up, with the change from baseline shown as it is typed. */
export class FollowUpOutcomePage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly changeFromBaseline: Locator;
  readonly confirmation: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Follow-up outcome' });
    this.form = page.getByRole('form', { name: 'Follow-up outcome' });
    this.changeFromBaseline = this.form.getByRole('status').filter({ hasText: /baseline/ });
    this.confirmation = page.getByRole('region', { name: /^Outcome recorded/ });
  }

  async fill(outcome: FollowUpOutcome): Promise<void> {
    await this.form.getByLabel('Method').selectOption({ label: outcome.method });
    await this.form.getByLabel('Pain now (NRS 0-10)').fill(outcome.painNow);
    if (outcome.painWorstWeek) {
      await this.form.getByLabel('Worst pain in the last week (NRS 0-10)').fill(outcome.painWorstWeek);
    }
    if (outcome.pgic) {
      await this.form.getByRole('radio', { name: outcome.pgic, exact: true }).check();
    }
    const benefit = this.form.getByRole('radiogroup', { name: 'Benefit ongoing?' });
    await benefit.getByRole('radio', { name: outcome.benefitOngoing ? 'Yes' : 'No', exact: true }).check();
    if (outcome.benefitEndedOn) {
      await this.form.getByLabel('Date benefit ended').fill(outcome.benefitEndedOn);
    }
    if (outcome.aboutTheDate) {
      await this.form.getByRole('checkbox', { name: /^About/ }).check();
    }
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save outcome' }).click();
  }

  async openTheAdmission(): Promise<void> {
    await this.confirmation.getByRole('link', { name: 'Open the admission' }).click();
  }

  async backToTheWorklist(): Promise<void> {
    await this.confirmation.getByRole('link', { name: 'Back to the worklist' }).click();
  }
}
