import type { Locator, Page } from '@playwright/test';

/** The frame around every signed-in page: the top bar, the main navigation and the page itself. */
export class AppShell {
  readonly topBar: Locator;
  readonly navigation: Locator;
  /** The heading of the page inside the frame, e.g. "Ward" or "Users". */
  readonly pageHeading: Locator;

  constructor(private readonly page: Page) {
    this.topBar = page.getByRole('banner');
    this.navigation = page.getByRole('navigation', { name: 'Main' });
    this.pageHeading = page.getByRole('main').getByRole('heading', { level: 1 });
  }

  /** Follows a link of the main navigation, e.g. "Ward" or "Admin". */
  async open(section: string): Promise<void> {
    await this.navigation.getByRole('link', { name: section, exact: true }).click();
  }

  async signOut(): Promise<void> {
    await this.topBar.getByRole('button', { name: 'Sign out', exact: true }).click();
  }
}
