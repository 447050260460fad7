import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, buttonsNamed, field, settle, text, type } from '../../testing/dom';
import { aUser } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { signInAs } from '../../testing/session';
import { User } from '../core/api-types';
import { UsersPage } from './users-page';

describe('UsersPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<UsersPage>;
  let page: HTMLElement;
  const admin = aUser({ displayName: 'Alex Admin', username: 'admin', roles: ['admin'] });
  const nurse = aUser({ displayName: 'Sam Patel', username: 'spatel', roles: ['nurse'] });
  const doctor = aUser({
    displayName: 'Dr Ruth Okafor',
    username: 'rokafor',
    roles: ['prescriber', 'auditor'],
  });

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    await signInAs(admin);
  });

  afterEach(() => http.verify());

  async function openWith(users: User[]) {
    fixture = TestBed.createComponent(UsersPage);
    page = fixture.nativeElement;
    http.expectOne('/api/users').flush({ items: users });
    await fixture.whenStable();
  }

  function rows(): string[][] {
    return Array.from(page.querySelectorAll('tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => text(cell)),
    );
  }

  it('lists each user with their roles and status', async () => {
    await openWith([admin, nurse, { ...doctor, active: false }]);

    expect(rows().map((row) => row.slice(0, 3))).toEqual([
      ['Alex Admin admin', 'Admin', 'Active'],
      ['Sam Patel spatel', 'Nurse', 'Active'],
      ['Dr Ruth Okafor rokafor', 'Prescriber, Auditor', 'Deactivated'],
    ]);
  });

  it('sends a PATCH that deactivates a user, and shows the answer', async () => {
    await openWith([admin, nurse]);

    button(page, 'Deactivate Sam Patel').click();
    const patch = http.expectOne(`/api/users/${nurse.id}`);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ active: false });
    patch.flush({ ...nurse, active: false });
    await fixture.whenStable();

    expect(rows()[1][2]).toBe('Deactivated');
    expect(text(page.querySelector('[role="status"]'))).toBe(
      'Sam Patel is deactivated and can no longer sign in.',
    );
    expect(button(page, 'Reactivate Sam Patel')).toBeTruthy();
  });

  it('reactivates a deactivated user', async () => {
    await openWith([admin, { ...nurse, active: false }]);

    button(page, 'Reactivate Sam Patel').click();
    const patch = http.expectOne(`/api/users/${nurse.id}`);
    expect(patch.request.body).toEqual({ active: true });
    patch.flush(nurse);
    await fixture.whenStable();

    expect(rows()[1][2]).toBe('Active');
  });

  it('does not let an admin deactivate their own account, and never offers to delete anyone', async () => {
    await openWith([admin, nurse]);

    expect(buttonsNamed(page, /^Deactivate/).map((element) => text(element))).toEqual([
      'Deactivate Sam Patel',
    ]);
    expect(buttonsNamed(page, /delete/i)).toEqual([]);
  });

  it("changes a user's roles", async () => {
    await openWith([admin, nurse]);

    button(page, 'Edit Sam Patel').click();
    await fixture.whenStable();
    const prescriber = Array.from(
      page.querySelectorAll<HTMLInputElement>('.panel input[type="checkbox"]'),
    ).find((input) => text(input.closest('mat-checkbox')) === 'Prescriber');
    prescriber?.click();
    await fixture.whenStable();
    button(page, 'Save changes').click();

    const patch = http.expectOne(`/api/users/${nurse.id}`);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ displayName: 'Sam Patel', roles: ['nurse', 'prescriber'] });
    patch.flush({ ...nurse, roles: ['nurse', 'prescriber'] });
    await fixture.whenStable();

    expect(rows()[1][1]).toBe('Nurse, Prescriber');
  });

  it('resets a password', async () => {
    await openWith([admin, nurse]);

    button(page, 'Reset password for Sam Patel').click();
    await fixture.whenStable();
    type(field(page, 'Temporary password'), 'a-long-temporary-pass');
    button(page, 'Reset password').click();

    const reset = http.expectOne(`/api/users/${nurse.id}/reset-password`);
    expect(reset.request.method).toBe('POST');
    expect(reset.request.body).toEqual({ password: 'a-long-temporary-pass' });
    reset.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/users').flush({ items: [admin, { ...nurse, mustChangePassword: true }] });
    await fixture.whenStable();

    expect(text(page.querySelector('[role="status"]'))).toContain('Password reset for Sam Patel');
    expect(rows()[1][2]).toBe('Active Must change password');
  });

  it('creates a user who must change the password at first sign-in', async () => {
    await openWith([admin]);

    type(field(page, 'Username'), 'jnew');
    type(field(page, 'Display name'), 'Jo New');
    const nurseBox = Array.from(page.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find(
      (input) => text(input.closest('mat-checkbox')) === 'Nurse',
    );
    nurseBox?.click();
    type(field(page, 'Initial password'), 'first-day-password');
    await fixture.whenStable();
    button(page, 'Create user').click();

    const create = http.expectOne('/api/users');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      username: 'jnew',
      displayName: 'Jo New',
      roles: ['nurse'],
      password: 'first-day-password',
    });
    create.flush(aUser({ username: 'jnew', displayName: 'Jo New', mustChangePassword: true }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(fixture);

    expect(rows().map((row) => row[0])).toEqual(['Alex Admin admin', 'Jo New jnew']);
    expect(text(page.querySelector('[role="status"]'))).toContain(
      'must change the password at their first sign-in',
    );
  });

  it("shows the server's field errors when it refuses a new user", async () => {
    await openWith([admin]);

    type(field(page, 'Username'), 'admin');
    type(field(page, 'Display name'), 'Another Admin');
    page.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    type(field(page, 'Initial password'), 'password1234');
    await fixture.whenStable();
    button(page, 'Create user').click();

    http.expectOne('/api/users').flush(
      {
        title: 'Invalid request',
        status: 400,
        detail: 'Some fields are not valid.',
        errors: [{ field: 'password', messages: ['This is a common password.'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const alerts = Array.from(page.querySelectorAll('[role="alert"]')).map((element) => text(element));
    expect(alerts).toContain(
      'Invalid request Some fields are not valid. Password: This is a common password.',
    );
  });

  it('does not send a new user without a role or with a short password', async () => {
    await openWith([admin]);

    type(field(page, 'Username'), 'jnew');
    type(field(page, 'Display name'), 'Jo New');
    type(field(page, 'Initial password'), 'short');
    button(page, 'Create user').click();
    await fixture.whenStable();

    http.expectNone('/api/users');
    expect(text(page)).toContain('Choose at least one role.');
    expect(text(page)).toContain('Use at least 12 characters.');
  });
});
