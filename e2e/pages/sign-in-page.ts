import type { Locator, Page } from '@playwright/test';

/** The sign-in page: where everyone starts on a shared ward computer. */
export class SignInPage {
  readonly heading: Locator;
  readonly appName: Locator;
  /** The message a failed sign-in leaves (wrong password, too many attempts). */
  readonly failure: Locator;

  constructor(private readonly page: Page) {
    const card = page.getByRole('region', { name: 'Sign in' });
    this.heading = card.getByRole('heading', { level: 1, name: 'Sign in' });
    this.appName = card.getByText('Infusion tracker', { exact: true });
    this.failure = card.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username', { exact: true }).fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}
