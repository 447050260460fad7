import type { Locator, Page } from '@playwright/test';

export type WorklistSection = 'Overdue' | 'Due today' | 'Missed' | 'Upcoming this week';

export interface ContactAttempt {
  method?: 'Phone' | 'Video call' | 'Clinic visit' | 'Letter';
  result: 'Reached' | 'No answer' | 'Message left' | 'Wrong number' | 'Declined the follow-up';
  note?: string;
}

/** Follow-ups: whom to call, by section, and from each entry a contact attempt or the outcome form. */
export class FollowUpWorklistPage {
  readonly heading: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Follow-ups' });
    this.status = page.getByRole('status').filter({ hasText: /recorded/ });
  }

  /** The worklist filtered to one ward, as the ward picker leaves it in the address. */
  async goto(ward?: string): Promise<void> {
    await this.page.goto(ward ? `/follow-ups?ward=${encodeURIComponent(ward)}` : '/follow-ups');
  }

  section(name: WorklistSection): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  /** Lists the admissions coming up this week, which the page counts but lists only when asked. */
  async showUpcoming(): Promise<void> {
    await this.page.getByRole('button', { name: /^Show the \d+ coming up this week$/ }).click();
  }

  /** The entry of one patient, by the name as the list writes it: "OKAFOR, Ada". */
  entry(patientName: string, section?: WorklistSection): Locator {
    const scope = section ? this.section(section) : this.page;
    return scope.getByRole('article', { name: patientName, exact: true });
  }

  async recordAttempt(patientName: string, followUp: string, attempt: ContactAttempt): Promise<void> {
    await this.page
      .getByRole('button', { name: `Record attempt, ${followUp}, ${patientName}`, exact: true })
      .click();
    const form = this.page.getByRole('form', { name: 'Contact attempt' });
    if (attempt.method) {
      await form.getByLabel('Method').selectOption({ label: attempt.method });
    }
    await form.getByRole('radio', { name: attempt.result, exact: true }).check();
    if (attempt.note) {
      await form.getByLabel('Note (optional)').fill(attempt.note);
    }
    await form.getByRole('button', { name: 'Save attempt' }).click();
  }

  async openOutcomeForm(patientName: string, followUp: string): Promise<void> {
    await this.page
      .getByRole('link', { name: `Record outcome, ${followUp}, ${patientName}`, exact: true })
      .click();
  }
}
