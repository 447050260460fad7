import { DEMO_PASSWORD, expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';

test('a nurse signs in on the sign-in page and lands on the ward', async ({ page, signInPage, shell }) => {
  await page.goto('/');
  await expect(signInPage.heading).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the sign-in page');

  await signInPage.signIn('nurse', DEMO_PASSWORD);

  await expect(shell.pageHeading).toHaveText('Ward');
  await expect(page).toHaveURL(/\/ward$/);
  await expectNoSeriousAxeViolations(page, 'the ward board');
  await expect(shell.navigation.getByRole('link', { name: 'Ward', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('a wrong password keeps the nurse on the sign-in page with a reason', async ({ page, signInPage }) => {
  await signInPage.goto();

  await signInPage.signIn('nurse', 'not-the-password');

  await expect(signInPage.failure).toHaveText(/\S/);
  await expect(signInPage.heading).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a nurse who opens the users page is told it is not for their role', async ({ nursePage, shell }) => {
  await nursePage.goto('/admin/users');

  await expect(shell.pageHeading).toHaveText(/do not have access/i);
  await expectNoSeriousAxeViolations(nursePage, 'the not-for-your-role page');
  await expect(nursePage.getByRole('table', { name: 'Users' })).toHaveCount(0);
  await expect(shell.navigation.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
});
