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
  /** Which SpO2 scale applies: "SpO2 target: Scale 1 (default)" or the documented scale 2 target. */
  readonly spo2Target: Locator;

  constructor(private readonly page: Page) {
    this.currentOrder = page.getByRole('region', { name: 'Current order' });
    this.readBack = page.getByRole('group', { name: 'Read the order back' });
    this.orderHistory = page.getByRole('table', { name: 'Order history, newest first' });
    this.spo2Target = page.locator('app-spo2-target-panel .spo2-target');
  }

  async goto(admissionId: string): Promise<void> {
    await this.page.goto(`/admissions/${admissionId}`);
  }

  /** As the prescriber: documents the scale 2 target as written on the prescription, by keyboard. */
  async documentSpo2Scale2Target(target: string): Promise<void> {
    await this.page.getByRole('button', { name: /^(Document a scale 2 target|Change the target)$/ }).click();
    const form = this.page.getByRole('form', { name: 'SpO2 scale 2 target' });
    await form.getByLabel('Scale 2 target as prescribed').fill(target);
    await this.page.keyboard.press('Enter');
  }

  /** As the prescriber: withdraws the scale 2 target, confirming when asked. */
  async withdrawSpo2Scale2Target(): Promise<void> {
    await this.page.getByRole('button', { name: 'Withdraw the scale 2 target' }).click();
    await this.page.getByRole('button', { name: 'Withdraw the target', exact: true }).click();
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
