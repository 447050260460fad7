import type { Locator, Page } from '@playwright/test';

/** Where a person chooses their own password, and must at their first sign-in. */
export class ChangePasswordPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Change password' });
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.page.getByLabel('Current password', { exact: true }).fill(currentPassword);
    await this.page.getByLabel('New password', { exact: true }).fill(newPassword);
    await this.page.getByLabel('Confirm new password', { exact: true }).fill(newPassword);
    await this.page.getByRole('button', { name: 'Change password', exact: true }).click();
  }
}
