import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, text } from '../../../testing/dom';
import { aUser } from '../../../testing/factories';
import { provideTestApp } from '../../../testing/providers';
import { loadAppInfo, signInAs } from '../../../testing/session';
import { Role } from '../api-types';
import { Shell } from './shell';

@Component({ template: '<h1>Page</h1>' })
class PageStub {}

describe('Shell', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'sign-in', component: PageStub },
        { path: '', component: Shell, children: [{ path: '**', component: PageStub }] },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openShellAs(roles: Role[]) {
    await loadAppInfo({ wardName: 'Ward 7 Pain Unit' });
    await signInAs(aUser({ displayName: 'Sam Patel', roles }));
    harness = await RouterTestingHarness.create('/ward');
    return harness.fixture.nativeElement as HTMLElement;
  }

  function navigationLinks(page: HTMLElement): string[] {
    return Array.from(page.querySelectorAll('nav a')).map((element) => text(element));
  }

  it('shows a nurse the ward, admissions, patients and follow-ups only', async () => {
    const page = await openShellAs(['nurse']);

    expect(navigationLinks(page)).toEqual(['Ward', 'Admissions', 'Patients', 'Follow-ups']);
  });

  it('shows a prescriber the ward, admissions, patients, follow-ups and reports', async () => {
    const page = await openShellAs(['prescriber']);

    expect(navigationLinks(page)).toEqual(['Ward', 'Admissions', 'Patients', 'Follow-ups', 'Reports']);
  });

  it('shows an auditor the reports and the audit trail only', async () => {
    const page = await openShellAs(['auditor']);

    expect(navigationLinks(page)).toEqual(['Reports', 'Audit trail']);
  });

  it('shows an admin the reports, the admin pages and the audit trail', async () => {
    const page = await openShellAs(['admin']);

    expect(navigationLinks(page)).toEqual(['Reports', 'Admin', 'Audit trail', 'Follow-up schedule']);
  });

  it('shows the links of every role a user holds', async () => {
    const page = await openShellAs(['nurse', 'auditor']);

    expect(navigationLinks(page)).toEqual([
      'Ward',
      'Admissions',
      'Patients',
      'Follow-ups',
      'Reports',
      'Audit trail',
    ]);
  });

  it('names the app, the ward and the signed-in user with their roles', async () => {
    const page = await openShellAs(['nurse', 'prescriber']);
    const topBar = text(page.querySelector('mat-toolbar'));

    expect(topBar).toContain('Infusion tracker');
    expect(topBar).toContain('Ward 7 Pain Unit');
    expect(topBar).toContain('Sam Patel');
    expect(topBar).toContain('Nurse, Prescriber');
  });

  it('marks the current page for assistive technology, not by colour alone', async () => {
    const page = await openShellAs(['nurse']);
    const ward = Array.from(page.querySelectorAll('nav a')).find((element) => text(element) === 'Ward');

    expect(ward?.getAttribute('aria-current')).toBe('page');
  });

  it('signs out on the server and goes to the sign-in page', async () => {
    const page = await openShellAs(['nurse']);

    button(page, 'Sign out').click();
    const logout = http.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness.fixture);

    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});
