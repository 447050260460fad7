import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, buttonsNamed, choose, field, select, settle, text, type } from '../../testing/dom';
import { aFollowUp, aFollowUpOutcome, admissionFollowUps } from '../../testing/factories';
import { FakeClock } from '../../testing/fake-clock';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo } from '../../testing/session';
import { AdmissionFollowUps } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { AdmissionFollowUpsPanel } from './admission-follow-ups-panel';

describe('AdmissionFollowUpsPanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AdmissionFollowUpsPanel>;
  let panel: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: Clock, useValue: new FakeClock() }],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
  });

  afterEach(() => http.verify());

  async function render(data: AdmissionFollowUps, roles: { canRecord: boolean; isPrescriber: boolean }) {
    fixture = TestBed.createComponent(AdmissionFollowUpsPanel);
    panel = fixture.nativeElement;
    fixture.componentRef.setInput('admissionId', 'admission-1');
    fixture.componentRef.setInput('canRecord', roles.canRecord);
    fixture.componentRef.setInput('isPrescriber', roles.isPrescriber);
    await fixture.whenStable();
    http.expectOne('/api/admissions/admission-1/follow-ups').flush(data);
    await settle(fixture);
  }

  const week1 = () =>
    aFollowUp({
      id: 'fu-1',
      label: 'Week 1',
      status: 'done',
      attempts: [
        {
          id: 'a1',
          method: 'phone',
          at: '2025-06-23T08:00:00Z',
          result: 'no-answer',
          note: null,
          recordedBy: { id: 'n', displayName: 'Sam Patel' },
          recordedAt: '2025-06-23T08:01:00Z',
        },
      ],
      failedAttempts: 1,
      outcome: aFollowUpOutcome({
        id: 'outcome-2',
        painNow: 6,
        pgic: 3,
        benefitOngoing: false,
        benefitEndedOn: '2025-06-21',
        benefitEndedOnApproximate: true,
      }),
      outcomesEnteredInError: [
        aFollowUpOutcome({
          id: 'outcome-1',
          painNow: 2,
          enteredInError: {
            by: { id: 'n', displayName: 'Sam Patel' },
            at: '2025-06-24T10:00:00Z',
            reason: 'Wrong patient',
          },
        }),
      ],
    });
  const week2 = () =>
    aFollowUp({
      id: 'fu-2',
      label: 'Week 2',
      weeks: 2,
      status: 'due',
      dueOn: '2025-07-01',
      windowStart: '2025-06-28',
      windowEnd: '2025-07-04',
    });
  const data = () => admissionFollowUps({ items: [week1(), week2()] });

  it('shows each follow-up with its window, status, attempts and outcome, and corrections struck through', async () => {
    await render(data(), { canRecord: true, isPrescriber: false });
    expect(text(panel.querySelector('.scores'))).toContain(
      'Baseline pain 8 ; at discharge 4 ; PGIC at discharge 2 Much improved',
    );
    const items = panel.querySelectorAll('.follow-up');
    expect(text(items[0])).toContain('Week 1 Done Due 24 Jun 2025, window 21–27 Jun 2025');
    expect(text(items[0])).toContain('23 Jun 2025, 09:00: Phone, no answer by Sam Patel');
    expect(text(items[0])).toContain(
      'pain now 6 (Down 2 points (25 %) from baseline 8) ; PGIC 3 Minimally improved',
    );
    expect(text(items[0])).toContain('benefit ended about 21 Jun 2025');
    expect(items[0].querySelector('s')?.textContent).toContain('pain now 2');
    expect(text(items[0].querySelector('.entered-in-error'))).toContain('Entered in error: Wrong patient');
    expect(text(items[1])).toContain('Week 2 Due');
    expect(text(items[1])).toContain('No contact attempts yet.');
  });

  it('lets a nurse mark an outcome entered in error with a reason, then shows the record as it is now', async () => {
    await render(data(), { canRecord: true, isPrescriber: false });
    expect(buttonsNamed(panel, /^Cancel follow-up/)).toEqual([]);
    expect(buttonsNamed(panel, 'Add an extra follow-up')).toEqual([]);
    button(panel, /^Mark entered in error/).click();
    await settle(fixture);
    button(panel, 'Save').click();
    await settle(fixture);
    http.expectNone('/api/follow-up-outcomes/outcome-2/entered-in-error');
    type(field(panel, 'Reason'), 'Answers were for week 2');
    button(panel, 'Save').click();
    const post = http.expectOne('/api/follow-up-outcomes/outcome-2/entered-in-error');
    expect(post.request.body).toEqual({ reason: 'Answers were for week 2' });
    post.flush(week1());
    await settle(fixture);
    http.expectOne('/api/admissions/admission-1/follow-ups').flush(data());
    await settle(fixture);
    expect(text(panel.querySelector('[role="status"]'))).toBe(
      'The Week 1 outcome is marked entered in error. It can be entered again.',
    );
  });

  it('lets a prescriber add an extra follow-up and cancel one, each with a reason', async () => {
    await render(data(), { canRecord: true, isPrescriber: true });
    button(panel, 'Add an extra follow-up').click();
    await settle(fixture);
    type(field(panel, 'Due on'), '2025-08-15');
    type(field(panel, 'Window (± days)'), '5');
    type(field(panel, 'Reason'), 'Review after GP medication change');
    button(panel, 'Save').click();
    const extra = http.expectOne('/api/admissions/admission-1/follow-ups');
    expect(extra.request.method).toBe('POST');
    expect(extra.request.body).toEqual({
      dueOn: '2025-08-15',
      windowDays: 5,
      reason: 'Review after GP medication change',
    });
    extra.flush(aFollowUp({ kind: 'extra', label: 'Extra' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne('/api/admissions/admission-1/follow-ups').flush(data());
    await settle(fixture);

    button(panel, /^Cancel follow-up : Week 2$/).click();
    await settle(fixture);
    type(field(panel, 'Reason'), 'Seen in clinic instead');
    button(panel, 'Save').click();
    expect(http.expectOne('/api/follow-ups/fu-2/cancel').request.body).toEqual({
      reason: 'Seen in clinic instead',
    });
  });

  it('records a patient lost to follow-up on a date, with a reason', async () => {
    await render(data(), { canRecord: true, isPrescriber: false });
    button(panel, 'Lost to follow-up, died, withdrew or readmitted').click();
    await settle(fixture);
    expect(field(panel, 'On').value).toBe('01/07/2025');
    // A readmission for another infusion is the prescriber's to record.
    expect(Array.from(select(panel, 'What happened').options).map((option) => text(option))).toEqual([
      'Choose',
      'Lost to follow-up',
      'Patient died',
      'Patient withdrew from follow-up',
    ]);
    choose(select(panel, 'What happened'), 'Lost to follow-up');
    type(field(panel, 'Reason'), 'Three months without contact; letter returned');
    button(panel, 'Save').click();
    const post = http.expectOne('/api/admissions/admission-1/lost-to-follow-up');
    expect(post.request.body).toEqual({
      kind: 'lost',
      on: '2025-07-01',
      reason: 'Three months without contact; letter returned',
    });
    const ended = {
      ...data(),
      terminalEvent: {
        id: 't1',
        kind: 'lost' as const,
        on: '2025-07-01',
        reason: 'Three months without contact; letter returned',
        recordedBy: { id: 'n', displayName: 'Sam Patel' },
        recordedAt: '2025-07-01T09:00:00Z',
      },
    };
    post.flush(ended, { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne('/api/admissions/admission-1/follow-ups').flush(ended);
    await settle(fixture);
    expect(text(panel.querySelector('.terminal'))).toContain(
      'Lost to follow-up on 1 Jul 2025: Three months without contact; letter returned',
    );
    expect(buttonsNamed(panel, 'Lost to follow-up, died, withdrew or readmitted')).toEqual([]);
  });

  it('lets a nurse mark the end of follow-up entered in error, then shows it struck through and the reopened follow-ups', async () => {
    const event = {
      id: 't1',
      kind: 'died' as const,
      on: '2025-07-01',
      reason: 'Told by the GP',
      recordedBy: { id: 'n', displayName: 'Sam Patel' },
      recordedAt: '2025-07-01T09:00:00Z',
      enteredInError: null,
    };
    await render({ ...data(), terminalEvent: event }, { canRecord: true, isPrescriber: false });
    button(panel, /^Mark entered in error : Patient died$/).click();
    await settle(fixture);
    expect(text(panel.querySelector('section.panel'))).toContain(
      'those whose window has closed stay cancelled',
    );
    type(field(panel, 'Reason'), 'The GP meant another patient');
    button(panel, 'Save').click();
    const post = http.expectOne('/api/follow-up-terminal-events/t1/entered-in-error');
    expect(post.request.body).toEqual({ reason: 'The GP meant another patient' });
    const corrected: AdmissionFollowUps = {
      ...data(),
      terminalEvent: null,
      terminalEventsEnteredInError: [
        {
          ...event,
          enteredInError: {
            by: { id: 'n', displayName: 'Sam Patel' },
            at: '2025-07-02T09:00:00Z',
            reason: 'The GP meant another patient',
          },
        },
      ],
      items: [
        ...data().items,
        aFollowUp({ id: 'fu-3', label: 'Week 2', weeks: 2, status: 'due', reopens: 'fu-2' }),
      ],
    };
    post.flush(corrected);
    await settle(fixture);
    http.expectOne('/api/admissions/admission-1/follow-ups').flush(corrected);
    await settle(fixture);
    expect(text(panel.querySelector('[role="status"]'))).toBe(
      'Patient died is marked entered in error; the follow-ups still in their window are reopened.',
    );
    expect(panel.querySelector('.terminal')).toBeNull();
    const struck = Array.from(panel.querySelectorAll('.entered-in-error')).map((element) => text(element));
    expect(struck).toContain(
      'Patient died on 1 Jul 2025: Told by the GP Entered in error: The GP meant another patient marked by Sam Patel, 2 Jul 2025, 10:00',
    );
    expect(text(panel.querySelectorAll('.follow-up')[2])).toContain(
      'Reopened: the end of follow-up that cancelled it was entered in error.',
    );
    expect(buttonsNamed(panel, 'Lost to follow-up, died, withdrew or readmitted')).toHaveLength(1);
  });

  it('leaves the correction of a readmission to a prescriber, who records it', async () => {
    const readmitted = {
      ...data(),
      terminalEvent: {
        id: 't2',
        kind: 'readmitted' as const,
        on: '2025-07-01',
        reason: 'Second infusion',
        recordedBy: { id: 'p', displayName: 'Dr Lee' },
        recordedAt: '2025-07-01T09:00:00Z',
        enteredInError: null,
      },
    };
    await render(readmitted, { canRecord: true, isPrescriber: false });
    expect(buttonsNamed(panel, /^Mark entered in error : Readmitted/)).toEqual([]);
    fixture.componentRef.setInput('isPrescriber', true);
    await settle(fixture);
    expect(buttonsNamed(panel, /^Mark entered in error : Readmitted/)).toHaveLength(1);
  });

  it('shows the server problem and keeps the form open', async () => {
    await render(data(), { canRecord: true, isPrescriber: true });
    button(panel, /^Cancel follow-up : Week 2$/).click();
    await settle(fixture);
    type(field(panel, 'Reason'), 'x');
    button(panel, 'Save').click();
    http
      .expectOne('/api/follow-ups/fu-2/cancel')
      .flush(
        { type: '/problems/conflict', title: 'The follow-up is already done', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    expect(text(panel.querySelector('[role="alert"]'))).toContain('The follow-up is already done');
    expect(panel.querySelector('form')).not.toBeNull();
  });
});
