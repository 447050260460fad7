import { aUsername, expect, test } from './fixtures';
import type { NewUser } from './pages/users-page';
import { expectNoSeriousAxeViolations } from './accessibility';

test('an admin creates a user, who must choose their own password at the first sign-in', async ({
  adminPage,
  shell,
  usersPage,
  signInPage,
  changePasswordPage,
}) => {
  const newUser: NewUser = {
    username: aUsername('nurse'),
    displayName: 'Sam Patel, staff nurse',
    roles: ['Nurse'],
    password: 'temporary-ward-7-keyring',
  };
  const ownPassword = 'kettle-orchard-lantern-42';

  await adminPage.goto('/');
  await shell.open('Admin');
  await expect(usersPage.heading).toBeVisible();
  await expectNoSeriousAxeViolations(adminPage, 'the users page');

  await usersPage.createUser(newUser);
  await expect(usersPage.userRow(newUser.username)).toContainText(newUser.displayName);
  await expect(usersPage.userRow(newUser.username)).toContainText('Must change password');

  // The audit trail names who created whom, and who acted can be picked from a list.
  await adminPage.goto('/admin/audit');
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await adminPage
    .getByRole('combobox', { name: 'User' })
    .selectOption({ label: 'Ward Administrator (admin)' });
  await adminPage.getByLabel('Action').fill('user.created');
  await adminPage.getByRole('button', { name: 'Apply filters' }).click();
  await expect(
    adminPage
      .getByRole('row')
      .filter({ hasText: `user ${newUser.displayName}` })
      .first(),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(adminPage, 'the audit trail');

  await adminPage.goto('/admin/follow-up-schedule');
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Follow-up schedule' })).toBeVisible();
  await expect(adminPage.getByRole('button', { name: 'Save as a new version' })).toBeVisible();
  await expectNoSeriousAxeViolations(adminPage, 'the follow-up schedule');

  await shell.signOut();
  await expect(signInPage.heading).toBeVisible();

  await signInPage.signIn(newUser.username, newUser.password);
  await expect(changePasswordPage.heading).toBeVisible();
  await expectNoSeriousAxeViolations(adminPage, 'the change-password page');

  await changePasswordPage.changePassword(newUser.password, ownPassword);
  await expect(shell.topBar).toContainText(newUser.displayName);
  await expect(shell.pageHeading).toHaveText('Ward');
});
