import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, field, settle, text, type } from '../../testing/dom';
import { aUser } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { signInAs } from '../../testing/session';
import { AuthState } from '../core/auth/auth-state';
import { ChangePasswordPage } from './change-password-page';

@Component({ template: '<h1>Ward</h1>' })
class WardStub {}

describe('ChangePasswordPage', () => {
  let http: HttpTestingController;
  const user = aUser({ mustChangePassword: true });

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'change-password', component: ChangePasswordPage },
        { path: 'ward', component: WardStub },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(user);
  });

  afterEach(() => http.verify());

  async function open() {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/change-password?returnUrl=%2Fward', ChangePasswordPage);
    return harness;
  }

  function fill(page: HTMLElement, current: string, next: string, confirm: string) {
    type(field(page, 'Current password'), current);
    type(field(page, 'New password'), next);
    type(field(page, 'Confirm new password'), confirm);
  }

  it('states the rule for a new password', async () => {
    const harness = await open();

    expect(text(harness.routeNativeElement)).toContain(
      'A new password needs at least 12 characters and must not be a common password.',
    );
  });

  it('changes the password, then carries on to where the person was going', async () => {
    const harness = await open();
    const page = harness.routeNativeElement as HTMLElement;
    fill(page, 'temporary-password', 'a much longer passphrase', 'a much longer passphrase');
    button(page, 'Change password').click();

    const change = http.expectOne('/api/auth/change-password');
    expect(change.request.body).toEqual({
      currentPassword: 'temporary-password',
      newPassword: 'a much longer passphrase',
    });
    change.flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness.fixture);
    http.expectOne('/api/auth/me').flush({ user: { ...user, mustChangePassword: false } });
    await settle(harness.fixture);

    expect(TestBed.inject(AuthState).user()?.mustChangePassword).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/ward');
  });

  it('does not send a short password or one that does not match its confirmation', async () => {
    const harness = await open();
    const page = harness.routeNativeElement as HTMLElement;

    fill(page, 'temporary-password', 'too short', 'too short');
    button(page, 'Change password').click();
    await harness.fixture.whenStable();
    expect(text(page)).toContain('Use at least 12 characters.');

    fill(page, 'temporary-password', 'a much longer passphrase', 'a much longer passphrase!');
    button(page, 'Change password').click();
    await harness.fixture.whenStable();
    expect(text(page)).toContain('This does not match the new password.');

    http.expectNone('/api/auth/change-password');
  });

  it("shows the server's field errors", async () => {
    const harness = await open();
    const page = harness.routeNativeElement as HTMLElement;
    fill(page, 'wrong-password', 'a much longer passphrase', 'a much longer passphrase');
    button(page, 'Change password').click();

    http.expectOne('/api/auth/change-password').flush(
      {
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'currentPassword', messages: ['currentPassword is not your current password'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(harness.fixture);

    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'Invalid request Current password: currentPassword is not your current password',
    );
    expect(TestBed.inject(Router).url).toBe('/change-password?returnUrl=%2Fward');
  });
});
