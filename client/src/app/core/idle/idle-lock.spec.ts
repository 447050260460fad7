import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, text } from '../../../testing/dom';
import { FakeClock } from '../../../testing/fake-clock';
import { aUser } from '../../../testing/factories';
import { provideTestApp } from '../../../testing/providers';
import { loadAppInfo, signInAs } from '../../../testing/session';
import { AuthState } from '../auth/auth-state';
import { Clock } from './clock';
import { IdleLock } from './idle-lock';
import { IdleWarning } from './idle-warning';

@Component({ template: '<h1>Page</h1>' })
class PageStub {}

const MINUTE = 60_000;

describe('IdleLock', () => {
  let http: HttpTestingController;
  let clock: FakeClock;
  let idleLock: IdleLock;
  let harness: RouterTestingHarness;
  let warning: ComponentFixture<IdleWarning>;

  beforeEach(async () => {
    clock = new FakeClock();
    TestBed.configureTestingModule({
      providers: [
        provideTestApp([
          { path: 'sign-in', component: PageStub },
          { path: '**', component: PageStub },
        ]),
        { provide: Clock, useValue: clock },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ idleTimeoutSeconds: 15 * 60 });
    await signInAs(aUser());
    harness = await RouterTestingHarness.create('/ward/bed-4');
    warning = TestBed.createComponent(IdleWarning);
    idleLock = TestBed.inject(IdleLock);
    idleLock.start();
  });

  afterEach(() => {
    idleLock.stop();
    http.verify();
  });

  function warningText(): string {
    return text(warning.nativeElement.querySelector('[role="alertdialog"]'));
  }

  it('warns one minute before the timeout', async () => {
    clock.advance(14 * MINUTE - 1000);
    await warning.whenStable();
    expect(idleLock.warning()).toBe(false);
    expect(warningText()).toBe('');

    clock.advance(1000);
    await warning.whenStable();
    expect(idleLock.warning()).toBe(true);
    expect(warningText()).toContain('You will be signed out in one minute');
    expect(document.activeElement).toBe(button(warning.nativeElement, 'Stay signed in'));
  });

  it('signs out on the server at the timeout and says why on the sign-in page', async () => {
    clock.advance(15 * MINUTE - 1000);
    http.expectNone('/api/auth/logout');

    clock.advance(1000);
    const logout = http.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness.fixture);

    expect(TestBed.inject(AuthState).signedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in?reason=idle&returnUrl=%2Fward%2Fbed-4');
    expect(idleLock.warning()).toBe(false);
  });

  it('signs out only once', async () => {
    clock.advance(20 * MINUTE);

    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness.fixture);
    clock.advance(20 * MINUTE);
    http.expectNone('/api/auth/logout');
  });

  it('starts counting again after keyboard, mouse or touch activity', () => {
    clock.advance(10 * MINUTE);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    // Ten minutes without a call: the server's session is renewed as well.
    http.expectOne('/api/auth/me').flush({ user: aUser() });

    clock.advance(13 * MINUTE);
    expect(idleLock.warning()).toBe(false);

    clock.advance(1 * MINUTE);
    expect(idleLock.warning()).toBe(true);
  });

  it('keeps the person signed in when they press "Stay signed in", renewing the server session', async () => {
    clock.advance(14 * MINUTE);
    await warning.whenStable();

    button(warning.nativeElement, 'Stay signed in').click();
    http.expectOne('/api/auth/me').flush({ user: aUser() });
    await settle(warning);

    expect(idleLock.warning()).toBe(false);
    expect(warningText()).toBe('');
    clock.advance(13 * MINUTE);
    http.expectNone('/api/auth/logout');
    expect(idleLock.warning()).toBe(false);
  });

  it('ignores a passing mouse once the warning shows: only the button keeps the session', () => {
    clock.advance(14 * MINUTE);
    document.dispatchEvent(new MouseEvent('mousemove'));

    clock.advance(1 * MINUTE);
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
  });

  it('counts activity in another tab of the same browser', () => {
    clock.advance(14 * MINUTE);
    expect(idleLock.warning()).toBe(true);

    window.dispatchEvent(
      new StorageEvent('storage', { key: 'infusion-tracker.last-activity', newValue: String(clock.now()) }),
    );

    expect(idleLock.warning()).toBe(false);
    clock.advance(13 * MINUTE);
    http.expectNone('/api/auth/logout');
  });
});
