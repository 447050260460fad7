import type { Locator, Page } from '@playwright/test';

/** The timeline at the top of an admission page: the charts, the flowsheet, the printed summary. */
export class AdmissionTimeline {
  readonly section: Locator;
  readonly charts: Locator;
  readonly drawnChart: Locator;
  /** The stay's chart once ECharts has drawn it on the page (before, it may be the server's picture). */
  readonly interactiveChart: Locator;
  readonly flowsheet: Locator;
  readonly printButton: Locator;
  readonly printHeader: Locator;

  constructor(private readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Timeline of the stay' });
    this.charts = page.getByRole('img', { name: /Charts of ordered rate/ });
    this.drawnChart = page.locator('app-timeline-chart[data-drawn="true"]').first();
    this.interactiveChart = page.locator('app-timeline-chart[data-interactive="true"]').first();
    this.flowsheet = page.getByRole('region', { name: 'Flowsheet' }).getByRole('table');
    this.printButton = page.getByRole('button', { name: 'Print / Save as PDF' });
    this.printHeader = page.locator('.print-summary > thead');
  }

  async open(admissionId: string): Promise<void> {
    await this.page.goto(`/admissions/${admissionId}`);
  }

  /** The flowsheet row of one item, one cell per set, as the page shows it. */
  async row(item: string): Promise<string[]> {
    const row = this.flowsheet
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: item, exact: true }) });
    return row.getByRole('cell').allInnerTexts();
  }

  /** Prepares the printed summary as the button does, without the browser's print dialog. */
  async preparePrint(): Promise<void> {
    await this.page.evaluate(() => {
      window.print = () => undefined;
    });
    await this.printButton.click();
    await this.page.locator('.print-chart img').waitFor({ state: 'attached' });
  }
}
