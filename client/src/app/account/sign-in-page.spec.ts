import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, field, settle, text, type } from '../../testing/dom';
import { aUser } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo } from '../../testing/session';
import { AuthState } from '../core/auth/auth-state';
import { SignInPage } from './sign-in-page';

@Component({ template: '<h1>Users</h1>' })
class UsersStub {}

@Component({ template: '<h1>Change password</h1>' })
class ChangePasswordStub {}

describe('SignInPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'sign-in', component: SignInPage },
        { path: 'admin/users', component: UsersStub },
        { path: 'change-password', component: ChangePasswordStub },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openSignIn(url = '/sign-in') {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, SignInPage);
    return harness;
  }

  async function submit(harness: RouterTestingHarness, username: string, password: string) {
    const page = harness.routeNativeElement as HTMLElement;
    type(field(page, 'Username'), username);
    type(field(page, 'Password'), password);
    button(page, 'Sign in').click();
    await settle(harness.fixture);
  }

  it('posts the credentials and goes to the return address', async () => {
    const harness = await openSignIn('/sign-in?returnUrl=%2Fadmin%2Fusers');
    await submit(harness, 'admin', 'infusion-demo');

    const login = http.expectOne('/api/auth/login');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ username: 'admin', password: 'infusion-demo' });
    const admin = aUser({ username: 'admin', roles: ['admin'] });
    login.flush({ user: admin });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(TestBed.inject(AuthState).user()).toEqual(admin);
  });

  it('signs in from the keyboard: Enter in a field submits the form the Sign in button belongs to', async () => {
    const harness = await openSignIn();
    const page = harness.routeNativeElement as HTMLElement;
    const form = page.querySelector('form');
    expect(button(page, 'Sign in').type).toBe('submit');
    expect(button(page, 'Sign in').form).toBe(form);

    type(field(page, 'Username'), 'nurse');
    type(field(page, 'Password'), 'infusion-demo');
    // jsdom has no implicit submission; a browser fires this submit when Enter is pressed in a field.
    form?.dispatchEvent(new Event('submit'));

    expect(http.expectOne('/api/auth/login').request.body).toEqual({
      username: 'nurse',
      password: 'infusion-demo',
    });
  });

  it('shows the problem detail when the server refuses the password', async () => {
    const harness = await openSignIn('/sign-in?returnUrl=%2Fadmin%2Fusers');
    await submit(harness, 'admin', 'wrong password');

    http.expectOne('/api/auth/login').flush(
      {
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'Wrong username or password.',
      },
      { status: 401, statusText: 'Unauthorized', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await settle(harness.fixture);

    const alert = (harness.routeNativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(text(alert)).toBe('Wrong username or password.');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers');
    expect(field(harness.routeNativeElement as HTMLElement, 'Password').value).toBe('');
  });

  it('says how long to wait after too many attempts', async () => {
    const harness = await openSignIn();
    await submit(harness, 'admin', 'guess 6');

    http
      .expectOne('/api/auth/login')
      .flush(
        { title: 'Too Many Requests', status: 429, detail: 'Too many sign-in attempts.' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '540' } },
      );
    await settle(harness.fixture);

    expect(text((harness.routeNativeElement as HTMLElement).querySelector('[role="alert"]'))).toBe(
      'Too many attempts, try again in 9 minutes.',
    );
  });

  it('sends a user who must change the password to the change-password page', async () => {
    const harness = await openSignIn('/sign-in?returnUrl=%2Fadmin%2Fusers');
    await submit(harness, 'new.nurse', 'temporary-password');

    http.expectOne('/api/auth/login').flush({ user: aUser({ mustChangePassword: true }) });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe('/change-password?returnUrl=%2Fadmin%2Fusers');
  });

  it('does not follow a return address to another site', async () => {
    const harness = await openSignIn('/sign-in?returnUrl=%2F%2Fevil.example%2F');
    await submit(harness, 'nurse', 'infusion-demo');

    http.expectOne('/api/auth/login').flush({ user: aUser() });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('lists the demo log-ins in demo mode only', async () => {
    await loadAppInfo({ demoMode: true });
    const harness = await openSignIn();

    const note = (harness.routeNativeElement as HTMLElement).querySelector('aside');
    expect(text(note)).toMatch(/nurse\W+prescriber\W+auditor\W+or admin/);
    expect(text(note)).toContain('infusion-demo');
  });

  it('shows no demo log-ins outside demo mode', async () => {
    await loadAppInfo({ demoMode: false });
    const harness = await openSignIn();

    expect((harness.routeNativeElement as HTMLElement).querySelector('aside')).toBeNull();
  });

  it('explains a sign-out after inactivity', async () => {
    await loadAppInfo({ idleTimeoutSeconds: 900 });
    const harness = await openSignIn('/sign-in?reason=idle');

    expect(text((harness.routeNativeElement as HTMLElement).querySelector('[role="status"]'))).toBe(
      'Signed out after 15 minutes without activity.',
    );
  });
});
