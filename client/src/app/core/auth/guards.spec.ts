import { Location } from '@angular/common';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { text } from '../../../testing/dom';
import { aUser } from '../../../testing/factories';
import { provideTestApp } from '../../../testing/providers';
import { signInAs } from '../../../testing/session';
import { routes } from '../../app.routes';

/** The guards as the app's own routes use them. */
describe('route guards', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp(routes) });
    http = TestBed.inject(HttpTestingController);
  });

  function heading(harness: RouterTestingHarness): string {
    return text((harness.fixture.nativeElement as HTMLElement).querySelector('h1'));
  }

  function url(): string {
    return TestBed.inject(Router).url;
  }

  it('denies a nurse the user administration, keeping the address and saying why', async () => {
    await signInAs(aUser({ roles: ['nurse'] }));
    const harness = await RouterTestingHarness.create('/admin/users');

    expect(heading(harness)).toBe('You do not have access to this page');
    expect(TestBed.inject(Location).path()).toBe('/admin/users');
    http.expectNone('/api/users');
  });

  it('denies an auditor the ward', async () => {
    await signInAs(aUser({ roles: ['auditor'] }));
    const harness = await RouterTestingHarness.create('/ward');

    expect(heading(harness)).toBe('You do not have access to this page');
  });

  it('lets an auditor into the audit trail', async () => {
    await signInAs(aUser({ roles: ['auditor'] }));
    const harness = await RouterTestingHarness.create('/admin/audit');

    expect(heading(harness)).toBe('Audit trail');
    http.expectOne((request) => request.url === '/api/audit-events').flush({ items: [], nextCursor: null });
  });

  it('sends someone not signed in to sign in, with the address to return to', async () => {
    const harness = await RouterTestingHarness.create('/follow-ups');

    expect(url()).toBe('/sign-in?returnUrl=%2Ffollow-ups');
    expect(heading(harness)).toBe('Sign in');
  });

  it('sends a user who must change the password to the change-password page first', async () => {
    await signInAs(aUser({ roles: ['nurse'], mustChangePassword: true }));
    const harness = await RouterTestingHarness.create('/ward');

    expect(url()).toBe('/change-password?returnUrl=%2Fward');
    expect(heading(harness)).toBe('Change password');
  });

  it('opens the ward first for a nurse', async () => {
    await signInAs(aUser({ roles: ['nurse'] }));
    const harness = await RouterTestingHarness.create('/');

    expect(url()).toBe('/ward');
    expect(heading(harness)).toBe('Ward');
  });

  it('opens user administration first for an admin, who has no ward', async () => {
    await signInAs(aUser({ roles: ['admin'] }));
    await RouterTestingHarness.create('/');

    expect(url()).toBe('/admin/users');
    http.expectOne('/api/users').flush({ items: [] });
  });

  it('shows a not-found page for an unknown address', async () => {
    await signInAs(aUser({ roles: ['nurse'] }));
    const harness = await RouterTestingHarness.create('/no/such/page');

    expect(heading(harness)).toBe('Page not found');
  });
});
