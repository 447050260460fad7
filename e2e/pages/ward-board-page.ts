import type { Locator, Page } from '@playwright/test';

/** Ward: who needs the nurse next, one row (a card on a phone) per admitted patient, most urgent first. */
export class WardBoardPage {
  readonly heading: Locator;
  readonly wardPicker: Locator;
  /** The patients' rows, in the order the board shows them. */
  readonly patientRows: Locator;
  /** "Updated 14:32:05 · refreshes every 15 seconds". */
  readonly updated: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Ward' });
    this.wardPicker = page.getByRole('combobox', { name: 'Ward' });
    this.patientRows = page
      .getByRole('table', { name: /^Patients on / })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') });
    this.updated = page.getByText(/^Updated \d\d:\d\d:\d\d/);
  }

  async goto(): Promise<void> {
    await this.page.goto('/ward');
  }

  async chooseWard(ward: string): Promise<void> {
    await this.wardPicker.selectOption({ label: ward });
  }

  /** The row of one patient, found by the name as the board writes it: "OKAFOR, Ada". */
  rowOf(patientName: string): Locator {
    return this.patientRows.filter({ has: this.page.getByRole('rowheader', { name: patientName }) });
  }

  async recordObservationsFor(patientName: string): Promise<void> {
    await this.page
      .getByRole('link', { name: `Record observations for ${patientName}`, exact: true })
      .click();
  }
}
