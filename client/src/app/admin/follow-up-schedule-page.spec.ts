import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, field, settle, text, type } from '../../testing/dom';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo } from '../../testing/session';
import { FollowUpSchedule } from '../core/api-types';
import { FollowUpSchedulePage } from './follow-up-schedule-page';

describe('FollowUpSchedulePage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FollowUpSchedulePage>;
  let page: HTMLElement;

  const current: FollowUpSchedule = {
    version: 2,
    items: [
      { weeks: 1, windowDays: 3 },
      { weeks: 4, windowDays: 3 },
      { weeks: 12, windowDays: 7 },
    ],
    failedAttemptLimit: 3,
    changedAt: '2025-06-30T14:05:00Z',
    changedBy: { id: 'admin-1', displayName: 'Alex Admin' },
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
    fixture = TestBed.createComponent(FollowUpSchedulePage);
    page = fixture.nativeElement;
    http.expectOne('/api/follow-up-schedule').flush(current);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows the current version, who changed it, and its rows', () => {
    expect(text(page.querySelector('.version'))).toBe('Version 2, changed by Alex Admin, 30 Jun 2025, 15:05');
    expect(field(page, 'Follow-up 2: weeks after discharge').value).toBe('4');
    expect(field(page, 'Follow-up 3: window (± days)').value).toBe('7');
    expect(field(page, 'Failed attempts before missed').value).toBe('3');
  });

  it('saves an added row as a new version', async () => {
    button(page, 'Add a follow-up').click();
    await settle(fixture);
    type(field(page, 'Follow-up 4: weeks after discharge'), '26');
    type(field(page, 'Follow-up 4: window (± days)'), '14');
    type(field(page, 'Failed attempts before missed'), '4');
    button(page, 'Save as a new version').click();

    const put = http.expectOne('/api/follow-up-schedule');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      items: [
        { weeks: 1, windowDays: 3 },
        { weeks: 4, windowDays: 3 },
        { weeks: 12, windowDays: 7 },
        { weeks: 26, windowDays: 14 },
      ],
      failedAttemptLimit: 4,
    });
    put.flush({ ...current, version: 3, items: put.request.body.items, failedAttemptLimit: 4 });
    await settle(fixture);
    expect(text(page.querySelector('[role="status"]'))).toContain('Saved as version 3.');
    expect(text(page.querySelector('.version'))).toContain('Version 3');
  });

  it('refuses weeks out of order or out of range, and windows over 28 days', async () => {
    type(field(page, 'Follow-up 2: weeks after discharge'), '1');
    button(page, 'Save as a new version').click();
    await settle(fixture);
    expect(text(page)).toContain('List the follow-ups in order');
    type(field(page, 'Follow-up 2: weeks after discharge'), '105');
    type(field(page, 'Follow-up 3: window (± days)'), '29');
    button(page, 'Save as a new version').click();
    await settle(fixture);
    expect(text(page)).toContain('A whole number of weeks from 1 to 104.');
    expect(text(page)).toContain('A whole number of days from 0 to 28.');
    http.expectNone('/api/follow-up-schedule');
  });

  it('removes a row but never the last one', async () => {
    button(page, /^Remove follow-up 3$/).click();
    button(page, /^Remove follow-up 2$/).click();
    await settle(fixture);
    expect(button(page, /^Remove follow-up 1$/).disabled).toBe(true);
  });
});
