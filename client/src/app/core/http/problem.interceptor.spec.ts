import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';
import { button, settle, text } from '../../../testing/dom';
import { aUser } from '../../../testing/factories';
import { provideTestApp } from '../../../testing/providers';
import { signInAs } from '../../../testing/session';
import { AuthState } from '../auth/auth-state';
import { ErrorBanner } from './error-banner';
import { pageHandlesErrors } from './page-handles-errors';

@Component({ template: '<h1>Page</h1>' })
class PageStub {}

const problemHeaders = { 'Content-Type': 'application/problem+json' };

describe('global HTTP error display', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let banner: ComponentFixture<ErrorBanner>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'sign-in', component: PageStub },
        { path: '**', component: PageStub },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    banner = TestBed.createComponent(ErrorBanner);
  });

  afterEach(() => http.verify());

  function alertText(): string {
    return text(banner.nativeElement.querySelector('[role="alert"]'));
  }

  it("shows the problem's title and detail in an alert", async () => {
    const failed = firstValueFrom(client.get('/api/users')).catch((error: unknown) => error);
    http.expectOne('/api/users').flush(
      {
        type: 'https://infusion-tracker.example/problems/database-unavailable',
        title: 'Service unavailable',
        status: 503,
        detail: 'The database cannot be reached. Try again in a minute.',
      },
      { status: 503, statusText: 'Service Unavailable', headers: problemHeaders },
    );
    await failed;
    await banner.whenStable();

    expect(alertText()).toContain('Service unavailable');
    expect(alertText()).toContain('The database cannot be reached. Try again in a minute.');
  });

  it("lists each field's messages of a validation problem", async () => {
    const failed = firstValueFrom(client.patch('/api/users/1', {})).catch((error: unknown) => error);
    http.expectOne('/api/users/1').flush(
      {
        title: 'Invalid request',
        status: 400,
        detail: 'Some fields are not valid.',
        errors: [{ field: 'roles', messages: ['roles must contain at least one role.'] }],
      },
      { status: 400, statusText: 'Bad Request', headers: problemHeaders },
    );
    await failed;
    await banner.whenStable();

    expect(alertText()).toContain('roles: roles must contain at least one role.');
  });

  it('says when the server cannot be reached at all', async () => {
    const failed = firstValueFrom(client.get('/api/users')).catch((error: unknown) => error);
    http.expectOne('/api/users').error(new ProgressEvent('error'));
    await failed;
    await banner.whenStable();

    expect(alertText()).toContain('Cannot reach the server');
  });

  it('can be dismissed', async () => {
    const failed = firstValueFrom(client.get('/api/users')).catch((error: unknown) => error);
    http
      .expectOne('/api/users')
      .flush({ title: 'Server error', status: 500 }, { status: 500, statusText: 'Server Error' });
    await failed;
    await banner.whenStable();

    button(banner.nativeElement, 'Dismiss').click();
    await banner.whenStable();

    expect(alertText()).toBe('');
  });

  it('stays quiet when the page handles the error itself, and still passes the error on', async () => {
    const failed = firstValueFrom(client.post('/api/users', {}, { context: pageHandlesErrors() })).catch(
      (error: unknown) => error,
    );
    http
      .expectOne('/api/users')
      .flush({ title: 'Conflict', status: 409 }, { status: 409, statusText: 'Conflict' });

    expect(await failed).toMatchObject({ status: 409 });
    await banner.whenStable();
    expect(alertText()).toBe('');
  });

  it('sends the person to sign in, and back afterwards, when the session has expired', async () => {
    await signInAs(aUser());
    const harness = await RouterTestingHarness.create('/admin/users');

    const failed = firstValueFrom(client.get('/api/users')).catch((error: unknown) => error);
    http
      .expectOne('/api/users')
      .flush({ title: 'Unauthorized', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await failed;
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers&reason=expired');
    expect(TestBed.inject(AuthState).signedIn()).toBe(false);
    expect(alertText()).toBe('');
  });

  it('treats a 401 from /api/auth/me as "nobody is signed in", not as an expired session', async () => {
    const harness = await RouterTestingHarness.create('/ward');

    const signedIn = TestBed.inject(AuthState).refresh();
    http
      .expectOne('/api/auth/me')
      .flush({ title: 'Unauthorized', status: 401 }, { status: 401, statusText: 'Unauthorized' });

    expect(await signedIn).toBe(false);
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/ward');
    expect(alertText()).toBe('');
  });
});
