import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, field, link, text, type } from '../../testing/dom';
import { anAuditEvent } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo } from '../../testing/session';
import { AuditPage } from './audit-page';

describe('AuditPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AuditPage>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
    fixture = TestBed.createComponent(AuditPage);
    page = fixture.nativeElement;
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

    type(field(page, 'User ID'), 'user-7');
    type(field(page, 'Admission ID'), 'admission-42');
    type(field(page, 'Action'), 'observation-set.create');
    type(field(page, 'From (ward time)'), '2025-07-01T08:00');
    type(field(page, 'To (ward time)'), '2025-07-01T20:00');
    button(page, 'Apply filters').click();

    const filtered = expectAuditRequest();
    expect(params(filtered)).toEqual({
      userId: 'user-7',
      admissionId: 'admission-42',
      action: 'observation-set.create',
      from: '2025-07-01T07:00:00.000Z',
      to: '2025-07-01T19:00:00.000Z',
    });
    filtered.flush({ items: [anAuditEvent()], nextCursor: null });
    await fixture.whenStable();

    expect(link(page, 'Download CSV').getAttribute('href')).toBe(
      '/api/exports/audit-events.csv?userId=user-7&admissionId=admission-42&action=observation-set.create' +
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

  it('offers the unfiltered CSV before any filter is applied', async () => {
    expectAuditRequest().flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    expect(link(page, 'Download CSV').getAttribute('href')).toBe('/api/exports/audit-events.csv');
    expect(text(page.querySelector('[role="status"]'))).toBe('No audit events match these filters.');
  });
});
