import type { Locator, Page } from '@playwright/test';

export type RoleLabel = 'Nurse' | 'Prescriber' | 'Auditor' | 'Admin';

export interface NewUser {
  username: string;
  displayName: string;
  roles: RoleLabel[];
  password: string;
}

/** Admin > Users: who may sign in, with which roles. */
export class UsersPage {
  readonly heading: Locator;
  readonly users: Locator;
  private readonly createForm: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Users' });
    this.users = page.getByRole('table', { name: 'Users' });
    this.createForm = page.getByRole('region', { name: 'Create a user' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users');
  }

  async createUser(user: NewUser): Promise<void> {
    const form = this.createForm;
    await form.getByLabel('Username', { exact: true }).fill(user.username);
    await form.getByLabel('Display name', { exact: true }).fill(user.displayName);
    for (const role of user.roles) {
      await form.getByRole('checkbox', { name: role, exact: true }).check();
    }
    await form.getByLabel('Initial password', { exact: true }).fill(user.password);
    await form.getByRole('button', { name: 'Create user', exact: true }).click();
  }

  /** The table row of one user, found by username. */
  userRow(username: string): Locator {
    return this.users.getByRole('row').filter({ hasText: username });
  }
}
