import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { button, choose, field, select, settle, text, toggle, type } from '../../testing/dom';
import { aFollowUp, aWorklistEntry, aWorklistFollowUp } from '../../testing/factories';
import { FakeClock } from '../../testing/fake-clock';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo } from '../../testing/session';
import { Worklist } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { FollowUpsPage } from './follow-ups-page';

describe('FollowUpsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FollowUpsPage>;
  let page: HTMLElement;

  beforeEach(async () => {
    // The fake clock reads 1 July 2025, 09:00 UTC: 10:00 on a London ward.
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp([{ path: 'follow-ups', component: FollowUpsPage }]),
        { provide: Clock, useValue: new FakeClock() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
  });

  afterEach(() => http.verify());

  async function open(worklist: Worklist, inputs: Record<string, string> = {}) {
    fixture = TestBed.createComponent(FollowUpsPage);
    page = fixture.nativeElement;
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();
    http.expectOne('/api/wards').flush({
      items: [{ id: 'Ward 7 Pain Unit', name: 'Ward 7 Pain Unit', openAdmissions: 3 }],
      nextCursor: null,
    });
    http.expectOne((request) => request.url === '/api/follow-ups').flush(worklist);
    await settle(fixture);
  }

  const overdue = aWorklistEntry({
    section: 'overdue',
    patient: {
      ...aWorklistEntry().patient,
      familyName: 'Okafor',
      givenName: 'Grace',
      mrn: 'MRN-000111',
      contact: {
        phoneNumbers: [
          { label: 'mobile', number: '0412 345 678' },
          { label: 'home', number: '02 9876 5432' },
        ],
        preferredMethod: 'video',
      },
    },
    followUps: [
      aWorklistFollowUp({
        id: 'fu-overdue',
        label: 'Week 1',
        weeks: 1,
        status: 'overdue',
        dueOn: '2025-06-24',
        windowStart: '2025-06-21',
        windowEnd: '2025-06-27',
        attemptCount: 2,
        lastAttemptAt: '2025-06-26T08:15:00Z',
        lastAttemptResult: 'no-answer',
      }),
    ],
  });
  const due = aWorklistEntry({
    section: 'due',
    patient: { ...aWorklistEntry().patient, familyName: 'Brown', givenName: 'Li', contact: null },
    followUps: [aWorklistFollowUp({ id: 'fu-due', label: 'Week 2', status: 'due', windowEnd: '2025-07-04' })],
  });

  function labelled(root: HTMLElement, name: string): HTMLButtonElement {
    const found = root.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);
    if (!found) {
      throw new Error(`No button labelled ${name}`);
    }
    return found;
  }

  function section(name: string): HTMLElement | null {
    return (
      Array.from(page.querySelectorAll<HTMLElement>('section.section')).find((element) =>
        text(element.querySelector('h2')).startsWith(name),
      ) ?? null
    );
  }

  it('lists each admission in its section, overdue first, with what the nurse needs to call', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 0, items: [overdue, due] });

    const headings = Array.from(page.querySelectorAll('section.section h2')).map((h) => text(h));
    expect(headings).toEqual(['Overdue (1)', 'Due today (1)']);
    const entry = text(section('Overdue'));
    expect(entry).toContain('OKAFOR, Grace');
    expect(entry).toContain('MRN MRN-000111');
    expect(entry).toContain('Mobile 0412 345 678');
    expect(entry).toContain('Home 02 9876 5432');
    expect(entry).toContain('Prefers video call');
    expect(entry).toContain(
      'CRPS (complex regional pain syndrome) · Ward 7 Pain Unit · stay 10 Jun 2025 – 17 Jun 2025',
    );
    expect(entry).toContain('Week 1 Overdue by 4 days');
    expect(entry).toContain('Due 24 Jun 2025, window 21–27 Jun 2025');
    // 08:15 UTC is 09:15 on the London ward in June.
    expect(entry).toContain('2 attempts; last 26 Jun 2025, 09:15, no answer');
    const phone = section('Overdue')?.querySelector<HTMLAnchorElement>('a.phone');
    expect(phone?.getAttribute('href')).toBe('tel:0412 345 678');

    const dueEntry = text(section('Due today'));
    expect(dueEntry).toContain('No phone number recorded');
    expect(dueEntry).toContain('Due: 3 days left in the window');
    expect(dueEntry).toContain('No attempts yet');
  });

  it('says so when nobody needs following up', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 0, items: [] });
    expect(text(page)).toContain('Nobody to follow up today.');
    expect(text(page)).toContain('No follow-up is due, overdue, missed or coming up this week.');
    expect(page.querySelector('section.section')).toBeNull();
  });

  it("asks for the day's calls, counts the upcoming admissions, and lists them when asked", async () => {
    const upcoming = aWorklistEntry({
      section: 'upcoming',
      patient: { ...aWorklistEntry().patient, familyName: 'Dimitriou', givenName: 'Eleni' },
      followUps: [
        aWorklistFollowUp({
          id: 'fu-upcoming',
          label: 'Week 4',
          status: 'upcoming',
          windowStart: '2025-07-04',
          windowEnd: '2025-07-10',
        }),
      ],
    });
    fixture = TestBed.createComponent(FollowUpsPage);
    page = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne('/api/wards').flush({ items: [], nextCursor: null });
    const first = http.expectOne((r) => r.url === '/api/follow-ups');
    expect(first.request.params.get('show')).toBe('to-do');
    first.flush({ today: '2025-07-01', upcomingAdmissions: 1, items: [overdue] });
    await settle(fixture);

    expect(text(section('Upcoming this week')?.querySelector('h2') ?? null)).toBe('Upcoming this week (1)');
    expect(text(section('Upcoming this week'))).not.toContain('DIMITRIOU');
    const show = button(page, 'Show the 1 coming up this week');
    expect(show.getAttribute('aria-expanded')).toBe('false');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    show.click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { upcoming: 'shown' } }),
    );

    // The address now says so: the whole list is asked for, the upcoming admission listed.
    fixture.componentRef.setInput('upcoming', 'shown');
    await fixture.whenStable();
    const all = http.expectOne((r) => r.url === '/api/follow-ups');
    expect(all.request.params.get('show')).toBe('all');
    all.flush({ today: '2025-07-01', upcomingAdmissions: 1, items: [overdue, upcoming] });
    await settle(fixture);
    expect(text(section('Upcoming this week'))).toContain('DIMITRIOU, Eleni');
    expect(text(section('Upcoming this week'))).toContain('Week 4');
    expect(button(page, 'Hide the 1 coming up this week').getAttribute('aria-expanded')).toBe('true');
    expect(text(section('Overdue'))).toContain('OKAFOR, Grace');
  });

  it('says nothing is due when only upcoming follow-ups are left', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 3, items: [] });
    expect(text(page)).toContain('Nobody to follow up today.');
    expect(text(page)).toContain('No follow-up is due, overdue or missed.');
    expect(text(page)).not.toContain('coming up this week for these filters');
    expect(text(section('Upcoming this week')?.querySelector('h2') ?? null)).toBe('Upcoming this week (3)');
  });

  it('asks the server for the filtered list, and offers the clinicians it has seen', async () => {
    await open(
      { today: '2025-07-01', upcomingAdmissions: 0, items: [overdue] },
      { ward: 'Ward 7 Pain Unit', indication: 'crps' },
    );
    // The request made on opening carried the filters from the address.
    fixture.componentRef.setInput('clinician', overdue.admission.clinician.id);
    await fixture.whenStable();
    const request = http.expectOne((r) => r.url === '/api/follow-ups');
    expect(request.request.params.get('ward')).toBe('Ward 7 Pain Unit');
    expect(request.request.params.get('indication')).toBe('crps');
    expect(request.request.params.get('clinicianId')).toBe(overdue.admission.clinician.id);
    request.flush({ today: '2025-07-01', upcomingAdmissions: 0, items: [] });
    await settle(fixture);
    expect(text(page)).toContain('for these filters');
    const clinicians = Array.from(select(page, 'Clinician').options).map((option) => text(option));
    expect(clinicians).toEqual(['All clinicians', 'Dr Ana Ruiz']);
  });

  it('puts a chosen filter in the address', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 0, items: [overdue] });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    choose(select(page, 'Indication'), 'Phantom limb pain');
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { indication: 'phantom-limb-pain' } }),
    );
  });

  it('records a failed attempt from an entry and refreshes the list', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 0, items: [overdue] });
    labelled(page, 'Record attempt, Week 1, OKAFOR, Grace').click();
    await settle(fixture);
    // The patient's preferred method is the usual way to reach them.
    expect(select(page, 'Method').value).toBe('video');
    choose(select(page, 'Method'), 'Phone');
    toggle(page, 'Message left').click();
    type(field(page, 'When (ward time)'), '2025-07-01T09:40');
    type(field(page, 'Note (optional)'), 'Voicemail');
    button(page, 'Save attempt').click();

    const post = http.expectOne('/api/follow-ups/fu-overdue/attempts');
    expect(post.request.body).toEqual({
      method: 'phone',
      at: '2025-07-01T08:40:00.000Z',
      result: 'message-left',
      note: 'Voicemail',
    });
    post.flush(
      aFollowUp({
        id: 'fu-overdue',
        attempts: [
          {
            id: 'a1',
            method: 'phone',
            at: '2025-07-01T08:40:00.000Z',
            result: 'message-left',
            note: 'Voicemail',
            recordedBy: { id: 'me', displayName: 'Me' },
            recordedAt: '2025-07-01T08:41:00.000Z',
          },
        ],
      }),
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);
    expect(text(page.querySelector('[role="status"]'))).toBe(
      'Attempt recorded for OKAFOR, Grace: message left.',
    );
    http
      .expectOne((r) => r.url === '/api/follow-ups')
      .flush({ today: '2025-07-01', upcomingAdmissions: 0, items: [] });
    await settle(fixture);
    expect(page.querySelector('app-attempt-form')).toBeNull();
  });

  it('does not send an attempt without a result', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 0, items: [due] });
    labelled(page, 'Record attempt, Week 2, BROWN, Li').click();
    await settle(fixture);
    button(page, 'Save attempt').click();
    await settle(fixture);
    http.expectNone('/api/follow-ups/fu-due/attempts');
    expect(text(page)).toContain('Choose the result of the attempt.');
  });

  it('asks whether a patient who declined withdraws, and records the withdrawal only when told', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 0, items: [due] });
    labelled(page, 'Record attempt, Week 2, BROWN, Li').click();
    await settle(fixture);
    toggle(page, 'Declined the follow-up').click();
    button(page, 'Save attempt').click();
    const declined = aFollowUp({ id: 'fu-due' });
    declined.attempts = [
      {
        id: 'a2',
        method: 'phone',
        at: '2025-07-01T09:00:00.000Z',
        result: 'declined',
        note: null,
        recordedBy: { id: 'me', displayName: 'Me' },
        recordedAt: '2025-07-01T09:00:00.000Z',
      },
    ];
    http.expectOne('/api/follow-ups/fu-due/attempts').flush(declined, { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(text(page)).toContain('The patient declined. Record them as withdrawn from follow-up?');
    type(field(page, 'Reason for withdrawal'), 'Does not want further calls');
    button(page, 'Record as withdrawn').click();
    const withdrawal = http.expectOne(`/api/admissions/${due.admission.id}/lost-to-follow-up`);
    expect(withdrawal.request.body).toEqual({
      kind: 'withdrew',
      on: '2025-07-01',
      reason: 'Does not want further calls',
    });
    withdrawal.flush({}, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(text(page.querySelector('[role="status"]'))).toBe(
      'BROWN, Li is recorded as withdrawn from follow-up.',
    );
    http
      .expectOne((r) => r.url === '/api/follow-ups')
      .flush({ today: '2025-07-01', upcomingAdmissions: 0, items: [] });
  });

  it('links each follow-up to its outcome form', async () => {
    await open({ today: '2025-07-01', upcomingAdmissions: 0, items: [due] });
    const link = Array.from(page.querySelectorAll('a')).find((a) => text(a) === 'Record outcome');
    expect(link?.getAttribute('href')).toBe(`/follow-ups/fu-due/outcome?admission=${due.admission.id}`);
    expect(link?.getAttribute('aria-label')).toBe('Record outcome, Week 2, BROWN, Li');
  });
});
