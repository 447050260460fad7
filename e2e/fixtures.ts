import { test as base, type Page } from '@playwright/test';
import { signInThroughApi } from './api';
import { AdmissionPage } from './pages/admission-page';
import { AppShell } from './pages/app-shell';
import { NewPatientPage } from './pages/new-patient-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { SignInPage } from './pages/sign-in-page';
import { UsersPage } from './pages/users-page';

/** The demo users the server creates in demo mode, one per role. */
export const DEMO_PASSWORD = 'infusion-demo';
export type DemoUser = 'nurse' | 'prescriber' | 'auditor' | 'admin';

interface Fixtures {
  signInPage: SignInPage;
  changePasswordPage: ChangePasswordPage;
  shell: AppShell;
  usersPage: UsersPage;
  /** The test's page, signed in (through the API) as the demo user of that role. */
  nursePage: Page;
  prescriberPage: Page;
  adminPage: Page;
  auditorPage: Page;
  newPatientPage: NewPatientPage;
  admissionPage: AdmissionPage;
}

/** A page signed in as a demo user; page.request shares its cookies with the page. */
async function signedInAs(page: Page, user: DemoUser): Promise<Page> {
  await signInThroughApi(page.request, user, DEMO_PASSWORD);
  return page;
}

export const test = base.extend<Fixtures>({
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  changePasswordPage: async ({ page }, use) => use(new ChangePasswordPage(page)),
  shell: async ({ page }, use) => use(new AppShell(page)),
  usersPage: async ({ page }, use) => use(new UsersPage(page)),
  nursePage: async ({ page }, use) => use(await signedInAs(page, 'nurse')),
  prescriberPage: async ({ page }, use) => use(await signedInAs(page, 'prescriber')),
  newPatientPage: async ({ page }, use) => use(new NewPatientPage(page)),
  admissionPage: async ({ page }, use) => use(new AdmissionPage(page)),
  adminPage: async ({ page }, use) => use(await signedInAs(page, 'admin')),
  auditorPage: async ({ page }, use) => use(await signedInAs(page, 'auditor')),
});

export { expect } from '@playwright/test';

/** A username no other test or earlier run uses: the database outlives a single test. */
export function aUsername(prefix = 'user'): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
