import type { Locator, Page } from '@playwright/test';

/** The Follow-ups panel of a discharged admission's page. */
export class AdmissionFollowUps {
  readonly list: Locator;

  constructor(page: Page) {
    this.list = page.getByRole('list', { name: 'Follow-ups, by due date' });
  }

  /** One follow-up, by its label: "Week 1", "Extra". */
  followUp(label: string): Locator {
    return this.list
      .getByRole('listitem')
      .filter({ has: this.list.page().getByRole('heading', { level: 3, name: label, exact: true }) });
  }
}
