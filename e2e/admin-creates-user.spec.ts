import { aUsername, expect, test } from './fixtures';
import type { NewUser } from './pages/users-page';

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

  await usersPage.createUser(newUser);
  await expect(usersPage.userRow(newUser.username)).toContainText(newUser.displayName);
  await expect(usersPage.userRow(newUser.username)).toContainText('Must change password');

  await shell.signOut();
  await expect(signInPage.heading).toBeVisible();

  await signInPage.signIn(newUser.username, newUser.password);
  await expect(changePasswordPage.heading).toBeVisible();

  await changePasswordPage.changePassword(newUser.password, ownPassword);
  await expect(shell.topBar).toContainText(newUser.displayName);
  await expect(shell.pageHeading).toHaveText('Ward');
});
