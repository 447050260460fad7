import type { Locator, Page } from '@playwright/test';

/** On the follow-up's outcome page: the link for the patient, and the review of their answers. */
export class PatientLinkPanel {
  readonly region: Locator;
  readonly status: Locator;
  readonly link: Locator;
  readonly qrCode: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Patient answers online' });
    this.status = this.region.getByRole('status').first();
    this.link = this.region.getByRole('link', { name: /\/r\// }).first();
    this.qrCode = this.region.getByRole('img', { name: "QR code of the patient's link" });
  }

  async issueALink(): Promise<string> {
    await this.region.getByRole('button', { name: 'Issue a link for the patient' }).click();
    return (await this.link.textContent())!.trim();
  }

  answers(): Locator {
    return this.region.getByRole('definition');
  }

  async accept(): Promise<void> {
    await this.region.getByRole('button', { name: 'Accept as the outcome' }).click();
  }
}
