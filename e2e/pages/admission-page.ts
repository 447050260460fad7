import type { Locator, Page } from '@playwright/test';

export interface RateOrder {
  concentration: string;
  concentrationUnit: string;
  rate: string;
  rateUnit: 'mg/kg/h' | 'mg/h' | 'mcg/kg/min' | 'mL/h';
  reason: string;
}

/** One admission: the header with the current order, the prescriber's order form, the histories. */
export class AdmissionPage {
  readonly currentOrder: Locator;
  readonly readBack: Locator;
  readonly orderHistory: Locator;

  constructor(private readonly page: Page) {
    this.currentOrder = page.getByRole('region', { name: 'Current order' });
    this.readBack = page.getByRole('group', { name: 'Read the order back' });
    this.orderHistory = page.getByRole('table', { name: 'Order history, newest first' });
  }

  /** Fills the order form and asks for the read-back; nothing is saved yet. */
  async writeOrder(order: RateOrder): Promise<void> {
    await this.page.getByRole('button', { name: /^(Write order|Change rate)$/ }).click();
    const form = this.page.getByRole('form', { name: 'Infusion order' });
    await form.getByLabel('Concentration', { exact: true }).fill(order.concentration);
    await form.getByLabel('Concentration unit', { exact: true }).fill(order.concentrationUnit);
    await form.getByLabel('Rate', { exact: true }).fill(order.rate);
    await form.getByLabel('Rate unit', { exact: true }).selectOption(order.rateUnit);
    await form.getByLabel('Reason for change').fill(order.reason);
    await form.getByRole('button', { name: 'Review order' }).click();
  }

  async confirmReadBack(): Promise<void> {
    await this.page
      .getByRole('checkbox', { name: 'I have read the order back and it is what I intend' })
      .check();
    await this.page.getByRole('button', { name: 'Confirm and save' }).click();
  }
}
