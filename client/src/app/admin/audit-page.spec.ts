import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, choose, field, hasField, link, select, text, type } from '../../testing/dom';
import { aUser, anAuditEvent } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { AuditPage } from './audit-page';

describe('AuditPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AuditPage>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
    await signInAs(aUser({ roles: ['admin'] }));
    fixture = TestBed.createComponent(AuditPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/audit-events/users').flush({
      items: [
        { id: 'user-7', username: 'jbloggs', displayName: 'Jo Bloggs' },
        { id: 'user-8', username: 'spatel', displayName: 'Sam Patel' },
      ],
      nextCursor: null,
    });
  });

  afterEach(() => http.verify());

  function expectAuditRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/audit-events');
  }

  function params(request: TestRequest): Record<string, string> {
    const query = request.request.params;
    return Object.fromEntries(query.keys().map((key) => [key, query.get(key) ?? '']));
  }

  function rowCount(): number {
    return page.querySelectorAll('tr[mat-row]').length;
  }

  it('loads the latest events and shows their times in the ward time zone', async () => {
    const first = expectAuditRequest();
    expect(params(first)).toEqual({});
    first.flush({
      items: [
        anAuditEvent({
          occurredAt: '2025-07-01T09:30:00Z',
          userDisplayName: 'Sam Patel',
          action: 'auth.sign-in',
        }),
        anAuditEvent({
          occurredAt: '2025-01-15T23:05:09Z',
          userId: null,
          userDisplayName: null,
          action: 'auth.sign-in-failed',
        }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();

    const cells = Array.from(page.querySelectorAll('tr[mat-row]')).map((row) =>
      text(row.querySelector('td')),
    );
    // 09:30 UTC is 10:30 in London in summer (BST); in January London keeps UTC.
    expect(cells).toEqual(['1 Jul 2025, 10:30:00 BST', '15 Jan 2025, 23:05:09 GMT']);
    expect(text(page)).toContain('No user');
    expect(buttonsNamedLoadMore()).toBe(false);
  });

  function buttonsNamedLoadMore(): boolean {
    return Array.from(page.querySelectorAll('button')).some((element) => text(element) === 'Load more');
  }

  it('sends the filters, with ward times as instants', async () => {
    expectAuditRequest().flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    await fixture.whenStable();
    choose(select(page, 'User'), 'Jo Bloggs (jbloggs)');
    type(field(page, 'Action'), 'observation-set.create');
    type(field(page, 'From (ward time)'), '2025-07-01T08:00');
    type(field(page, 'To (ward time)'), '2025-07-01T20:00');
    button(page, 'Apply filters').click();

    const filtered = expectAuditRequest();
    expect(params(filtered)).toEqual({
      userId: 'user-7',
      action: 'observation-set.create',
      from: '2025-07-01T07:00:00.000Z',
      to: '2025-07-01T19:00:00.000Z',
    });
    filtered.flush({ items: [anAuditEvent()], nextCursor: null });
    await fixture.whenStable();

    expect(link(page, 'Download CSV').getAttribute('href')).toBe(
      '/api/exports/audit-events.csv?userId=user-7&action=observation-set.create' +
        '&from=2025-07-01T07:00:00.000Z&to=2025-07-01T19:00:00.000Z',
    );
  });

  it('loads more with the cursor and the same filters, adding to the list', async () => {
    expectAuditRequest().flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    type(field(page, 'Action'), 'auth.sign-in');
    button(page, 'Apply filters').click();
    expectAuditRequest().flush({ items: [anAuditEvent(), anAuditEvent()], nextCursor: 'cursor-2' });
    await fixture.whenStable();
    expect(rowCount()).toBe(2);

    button(page, 'Load more').click();
    const more = expectAuditRequest();
    expect(params(more)).toEqual({ action: 'auth.sign-in', cursor: 'cursor-2' });
    more.flush({ items: [anAuditEvent()], nextCursor: null });
    await fixture.whenStable();

    expect(rowCount()).toBe(3);
    expect(buttonsNamedLoadMore()).toBe(false);
  });

  it('filters by the user of an event', async () => {
    expectAuditRequest().flush({
      items: [anAuditEvent({ userId: 'user-9', userDisplayName: 'Jo Bloggs' })],
      nextCursor: null,
    });
    await fixture.whenStable();

    button(page, 'Only this user (Jo Bloggs)').click();

    expect(params(expectAuditRequest())).toEqual({ userId: 'user-9' });
  });

  it('finds a patient by name for an admin, filters by the one picked, and names patients and users in the rows', async () => {
    expectAuditRequest().flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    type(field(page, 'Find a patient'), 'okaf');
    button(page, 'Find patient').click();
    const search = http.expectOne((request) => request.url === '/api/audit-events/patients');
    expect(search.request.params.get('q')).toBe('okaf');
    search.flush({
      items: [{ id: 'patient-3', mrn: 'MRN-000003', familyName: 'Okafor', givenName: 'Ada' }],
      nextCursor: null,
    });
    await fixture.whenStable();
    button(page, 'OKAFOR, Ada, MRN MRN-000003').click();

    const filtered = expectAuditRequest();
    expect(params(filtered)).toEqual({ patientId: 'patient-3' });
    filtered.flush({
      items: [
        anAuditEvent({
          action: 'admission.created',
          entityType: 'admission',
          entityId: 'admission-42',
          admissionId: 'admission-42',
          patient: { id: 'patient-3', mrn: 'MRN-000003', familyName: 'Okafor', givenName: 'Ada' },
        }),
        anAuditEvent({
          action: 'user.created',
          entityType: 'user',
          entityId: 'user-8',
          entityDisplayName: 'Sam Patel',
        }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();

    const [admission, user] = Array.from(page.querySelectorAll('tr[mat-row]')).map((row) => text(row));
    expect(admission).toContain('OKAFOR, Ada MRN MRN-000003');
    const subject = page.querySelector('tr[mat-row] td.mat-column-subject');
    expect(text(subject)).toBe('OKAFOR, Ada MRN MRN-000003');
    expect(user).toContain('user Sam Patel');
    expect(user).not.toContain('user-8');
    expect(text(page)).toContain('Only events about OKAFOR, Ada, MRN MRN-000003');
    expect(link(page, 'Download CSV').getAttribute('href')).toBe(
      '/api/exports/audit-events.csv?patientId=patient-3',
    );

    button(page, 'Any patient').click();
    expect(params(expectAuditRequest())).toEqual({});
  });

  it('offers an auditor no patient search, and shows the admission rather than who the patient is', async () => {
    await signInAs(aUser({ roles: ['auditor'] }));
    expectAuditRequest().flush({
      items: [anAuditEvent({ action: 'admission.created', admissionId: 'admission-42', patient: null })],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(hasField(page, 'Find a patient')).toBe(false);
    const headers = Array.from(page.querySelectorAll('th')).map((header) => text(header));
    expect(headers).toContain('Admission');
    expect(headers).not.toContain('Patient');
    expect(text(page.querySelector('tr[mat-row]'))).toContain('admission-42');
  });

  it('offers the unfiltered CSV before any filter is applied', async () => {
    expectAuditRequest().flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    expect(link(page, 'Download CSV').getAttribute('href')).toBe('/api/exports/audit-events.csv');
    expect(text(page.querySelector('.list-status'))).toBe('No audit events match these filters.');
  });
});

describe('AuditPage opened for one record', () => {
  it("shows that record's history until asked for the whole trail", async () => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    const http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
    await signInAs(aUser({ roles: ['auditor'] }));
    const fixture = TestBed.createComponent(AuditPage);
    const page: HTMLElement = fixture.nativeElement;
    // The router binds the link's query to these inputs.
    fixture.componentRef.setInput('admissionId', 'admission-42');
    fixture.componentRef.setInput('entityType', 'observation-set');
    fixture.componentRef.setInput('entityId', 'set-9');
    fixture.detectChanges();
    http.expectOne('/api/audit-events/users').flush({ items: [], nextCursor: null });
    const scoped = http.expectOne((request) => request.url === '/api/audit-events');
    expect(scoped.request.params.get('admissionId')).toBe('admission-42');
    expect(scoped.request.params.get('entityType')).toBe('observation-set');
    expect(scoped.request.params.get('entityId')).toBe('set-9');
    scoped.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(text(page.querySelector('.scope'))).toContain('Only the history of the observation set set-9');
    expect(link(page, 'Download CSV').getAttribute('href')).toContain('entityId=set-9');

    // Other filters narrow it further; it stays one record's history.
    choose(select(page, 'User'), 'Anyone');
    button(page, 'Apply filters').click();
    expect(
      http.expectOne((request) => request.url === '/api/audit-events').request.params.get('entityId'),
    ).toBe('set-9');

    button(page, 'Show the whole trail').click();
    const whole = http.expectOne((request) => request.url === '/api/audit-events');
    expect(whole.request.params.keys()).toEqual([]);
    whole.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(page.querySelector('.scope')).toBeNull();
    http.verify();
  });
});
