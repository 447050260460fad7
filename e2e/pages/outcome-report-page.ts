import type { Download, Locator, Page } from '@playwright/test';

/** The outcome report: filters, the Kaplan-Meier plot, the number-at-risk table, the median, the CSV. */
export class OutcomeReportPage {
  readonly heading: Locator;
  readonly plot: Locator;
  readonly riskTable: Locator;
  readonly median: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Outcomes: how long benefit lasts' });
    this.plot = page.getByRole('img', { name: /Kaplan-Meier|still benefiting/i });
    this.riskTable = page.getByRole('table', { name: /Number at risk, censored and events/ });
    this.median = page.locator('p', { hasText: 'Median duration of benefit:' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/reports/outcomes');
  }

  async filter(filters: { indication?: string; ward?: string }): Promise<void> {
    if (filters.indication)
      await this.page.getByLabel('Indication').selectOption({ label: filters.indication });
    if (filters.ward !== undefined) await this.page.getByLabel('Ward').fill(filters.ward);
    await this.page.getByRole('button', { name: 'Show report' }).click();
  }

  async downloadAnalysisDataSet(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /analysis data set/ }).click();
    return download;
  }
}
