import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, buttonsNamed, field, settle, text, toggle, type } from '../../testing/dom';
import {
  aFollowUp,
  aPatient,
  aUser,
  admissionFollowUps,
  anAdmission,
  anEvent,
  anOrder,
} from '../../testing/factories';
import { FakeClock } from '../../testing/fake-clock';
import { provideTestApp, verifyLeavingTimelineAside } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { Admission, Role } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { AdmissionPage } from './admission-page';

describe('AdmissionPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AdmissionPage>;
  let page: HTMLElement;

  beforeEach(async () => {
    // The fake clock reads 1 July 2025, 09:00 UTC: 10:00 on a London ward.
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: Clock, useValue: new FakeClock() }],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
  });

  afterEach(() => verifyLeavingTimelineAside(http));

  async function openAs(roles: Role[], admission: Admission) {
    await signInAs(aUser({ id: 'me', roles }));
    fixture = TestBed.createComponent(AdmissionPage);
    page = fixture.nativeElement;
    fixture.componentRef.setInput('id', admission.id);
    await fixture.whenStable();
    http.expectOne(`/api/admissions/${admission.id}`).flush(admission);
    await fixture.whenStable();
    // The observation history below the infusion record loads its own sets.
    http.expectOne(`/api/admissions/${admission.id}/observation-sets`).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
  }

  /** The buttons of what may be done now, as a person sees them. */
  function actions(): string[] {
    return Array.from(page.querySelectorAll('.record-actions button')).map((element) => text(element));
  }

  function expectWrite(url: string): TestRequest {
    const request = http.expectOne(url);
    expect(request.request.method).toBe('POST');
    return request;
  }

  const infusing = () =>
    anAdmission({
      id: 'admission-1',
      version: 3,
      status: 'infusing',
      bed: '12B',
      ward: 'Pain Medicine Unit',
      admittedAt: '2025-06-29T10:00:00Z',
      plannedDays: 5,
      patient: aPatient({
        familyName: 'Nguyen',
        givenName: 'Thi Mai',
        mrn: 'MRN-004211',
        dateOfBirth: '1975-04-30',
      }),
      currentOrder: anOrder({
        drug: 'Ketamine',
        concentration: { value: 2, unit: 'mg/mL' },
        rate: { value: 0.15, unit: 'mg/kg/h' },
        maxRate: { value: 0.3, unit: 'mg/kg/h' },
        effectiveFrom: '2025-07-01T08:00:00Z',
      }),
      events: [
        anEvent({ type: 'start', occurredAt: '2025-07-01T08:05:00Z', recordedAt: '2025-07-01T08:20:00Z' }),
      ],
    });

  it('shows who, where, which day, the status and the current order exactly as entered', async () => {
    await openAs(['nurse'], infusing());

    const header = page.querySelector('app-admission-header');
    expect(text(header?.querySelector('h1'))).toBe('NGUYEN, Thi Mai');
    expect(text(header)).toContain('MRN MRN-004211 Born 30 Apr 1975 Female');
    expect(text(header?.querySelector('.facts'))).toBe(
      'Bed 12B Pain Medicine Unit Stay Day 3 of 5 Status Infusing',
    );
    // 08:00 UTC is 09:00 on the London ward in July.
    expect(text(header?.querySelector('.order-sentence'))).toBe(
      'Ketamine 2 mg/mL at 0.15 mg/kg/h IV, since 09:00',
    );
    expect(text(header?.querySelector('.order-plan'))).toBe('Maximum 0.3 mg/kg/h');
  });

  it('says a paused infusion is paused first, and shows its order only as the last ordered rate, not in bold', async () => {
    await openAs(['nurse'], {
      ...infusing(),
      status: 'paused',
      events: [
        anEvent({ type: 'start', occurredAt: '2025-07-01T08:05:00Z' }),
        anEvent({ type: 'pause', occurredAt: '2025-07-01T08:40:00Z', reason: 'Hallucinations' }),
      ],
    });

    const order = page.querySelector('app-admission-header .current-order')!;
    expect(text(order)).toMatch(
      /^Current order Paused since 09:40: Hallucinations Last ordered rate: Ketamine 2 mg\/mL at 0.15 mg\/kg\/h IV/,
    );
    expect(order.querySelector('.order-sentence')?.classList).toContain('last-ordered');
  });

  it('says an infusion not started yet is not running, and shows the order as ordered, not in bold', async () => {
    await openAs(['nurse'], { ...infusing(), status: 'admitted', events: [] });

    const order = page.querySelector('app-admission-header .current-order')!;
    expect(text(order)).toMatch(
      /^Current order Not started Ordered rate, not started: Ketamine 2 mg\/mL at 0.15 mg\/kg\/h IV/,
    );
    expect(order.querySelector('.order-sentence')?.classList).toContain('last-ordered');
  });

  it('says a stopped infusion is stopped first', async () => {
    await openAs(['nurse'], {
      ...infusing(),
      status: 'infusion-stopped',
      events: [
        anEvent({ type: 'start', occurredAt: '2025-07-01T07:05:00Z' }),
        anEvent({ type: 'stop', occurredAt: '2025-07-01T08:10:00Z', reason: null }),
      ],
    });

    expect(text(page.querySelector('app-admission-header .held-state'))).toBe('Stopped 09:10');
    expect(text(page.querySelector('app-admission-header .order-sentence'))).toMatch(/^Last ordered rate: /);
  });

  it('says when there is no current order', async () => {
    await openAs(['nurse'], anAdmission({ status: 'admitted', currentOrder: null, orders: [] }));

    expect(text(page.querySelector('.order-sentence'))).toBe('No current order');
    expect(text(page)).toContain('No orders yet.');
  });

  it("shows a nurse the pause and none of the prescriber's actions", async () => {
    await openAs(['nurse'], infusing());

    expect(actions()).toEqual(['Pause infusion']);
    expect(buttonsNamed(page, /Mark entered in error/)).toEqual([]);
    expect(buttonsNamed(page, /Change rate|Write order|Stop|Discharge/)).toEqual([]);
  });

  it('shows a prescriber pause, stop and change of rate while infusing', async () => {
    await openAs(['prescriber'], infusing());

    expect(actions()).toEqual(['Pause infusion', 'Stop infusion', 'Change rate']);
    expect(buttonsNamed(page, /^Mark entered in error/)).toHaveLength(1);
  });

  it('records a pause with one of the usual reasons, and shows the new status', async () => {
    await openAs(['nurse'], infusing());

    button(page, 'Pause infusion').click();
    await fixture.whenStable();
    toggle(page, 'Hallucinations').click();
    await fixture.whenStable();
    button(page, 'Record pause').click();

    const pause = expectWrite('/api/admissions/admission-1/infusion-events');
    expect(pause.request.body).toEqual({ version: 3, type: 'pause', reason: 'Hallucinations' });
    pause.flush({ ...infusing(), version: 4, status: 'paused' }, { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(text(page.querySelector('.facts'))).toContain('Status Paused');
    expect(text(page.querySelector('[role="status"]'))).toBe('Pause recorded.');
    expect(actions()).toEqual([]);
  });

  it('records a pause for a reason in words at an earlier ward time, sent in UTC', async () => {
    await openAs(['nurse'], infusing());

    button(page, 'Pause infusion').click();
    await fixture.whenStable();
    toggle(page, 'Other').click();
    await fixture.whenStable();
    type(field(page, 'Other reason'), 'Vomiting');
    type(field(page, 'When (ward time)'), '2025-07-01T09:30');
    button(page, 'Record pause').click();

    expect(expectWrite('/api/admissions/admission-1/infusion-events').request.body).toEqual({
      version: 3,
      type: 'pause',
      reason: 'Vomiting',
      occurredAt: '2025-07-01T08:30:00.000Z',
    });
  });

  it('will not record a pause without its reason, nor at a time in the future', async () => {
    await openAs(['nurse'], infusing());

    button(page, 'Pause infusion').click();
    await fixture.whenStable();
    type(field(page, 'When (ward time)'), '2025-07-01T11:00');
    button(page, 'Record pause').click();
    await fixture.whenStable();

    http.expectNone('/api/admissions/admission-1/infusion-events');
    expect(text(page)).toContain('Give the reason for pausing.');
    expect(text(page)).toContain('The time cannot be in the future.');
  });

  it('starts the infusion only once there is an order', async () => {
    await openAs(
      ['prescriber'],
      anAdmission({ id: 'admission-2', status: 'admitted', version: 2, currentOrder: null }),
    );

    expect(actions()).toEqual(['Discharge', 'Write order']);
    expect(text(page.querySelector('.record-actions'))).toContain(
      'Write the order before starting the infusion.',
    );
  });

  it('starts the infusion, saying which order it runs at', async () => {
    const admission = anAdmission({
      id: 'admission-2',
      status: 'admitted',
      version: 2,
      currentOrder: anOrder(),
    });
    await openAs(['prescriber'], admission);

    button(page, 'Start infusion').click();
    await fixture.whenStable();
    expect(text(page.querySelector('app-infusion-event-form'))).toContain(
      'The current order: Ketamine 2 mg/mL at 0.15 mg/kg/h IV, since 09:00',
    );
    button(page, 'Record start').click();

    expect(expectWrite('/api/admissions/admission-2/infusion-events').request.body).toEqual({
      version: 2,
      type: 'start',
    });
  });

  it('offers a planned admission to be admitted or cancelled, with a reason', async () => {
    const planned = anAdmission({ id: 'admission-3', status: 'planned', version: 1 });
    await openAs(['prescriber'], planned);
    expect(actions()).toEqual(['Admit to the ward', 'Cancel admission', 'Write order']);

    button(page, 'Cancel admission').click();
    await fixture.whenStable();
    type(field(page, 'Reason for cancelling'), 'Patient unwell, rebooked');
    button(page, 'Confirm cancellation').click();
    const cancel = expectWrite('/api/admissions/admission-3/cancel');
    expect(cancel.request.body).toEqual({ version: 1, reason: 'Patient unwell, rebooked' });
    cancel.flush({ ...planned, version: 2, status: 'cancelled', closingReason: 'Patient unwell, rebooked' });
    await settle(fixture);

    expect(actions()).toEqual([]);
    expect(text(page)).toContain('Reason for cancelling Patient unwell, rebooked');
  });

  it('admits a planned admission to the ward', async () => {
    await openAs(['prescriber'], anAdmission({ id: 'admission-3', status: 'planned', version: 1 }));

    button(page, 'Admit to the ward').click();

    expect(expectWrite('/api/admissions/admission-3/admit').request.body).toEqual({ version: 1 });
  });

  it('asks why the infusion never started before discharging', async () => {
    await openAs(['prescriber'], anAdmission({ id: 'admission-2', status: 'admitted', version: 2 }));

    button(page, 'Discharge').click();
    await fixture.whenStable();
    type(field(page, 'Discharge summary'), 'Went home.');
    button(page, 'Record discharge').click();
    await fixture.whenStable();
    http.expectNone('/api/admissions/admission-2/discharge');
    expect(text(page)).toContain('Say why the infusion never started.');

    type(field(page, 'Reason the infusion never started'), 'Declined after consent discussion');
    button(page, 'Record discharge').click();

    expect(expectWrite('/api/admissions/admission-2/discharge').request.body).toEqual({
      version: 2,
      summary: 'Went home.',
      reason: 'Declined after consent discussion',
    });
  });

  it('says when someone else changed the admission, and reloads the current state only when asked', async () => {
    await openAs(['nurse'], infusing());

    button(page, 'Pause infusion').click();
    await fixture.whenStable();
    toggle(page, 'Line problem').click();
    await fixture.whenStable();
    button(page, 'Record pause').click();
    const current = { ...infusing(), version: 4, status: 'paused' as const };
    expectWrite('/api/admissions/admission-1/infusion-events').flush(
      {
        type: '/problems/stale-version',
        title: 'Changed by someone else',
        status: 409,
        detail: 'The admission changed since you loaded it (your version 3, now 4).',
        current,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    const alert = text(page.querySelector('.stale'));
    expect(alert).toContain('Someone else changed this admission');
    expect(text(page.querySelector('.facts'))).toContain('Status Infusing');
    expect(document.activeElement).toBe(page.querySelector('.stale'));

    button(page, 'Reload with the current state').click();
    await settle(fixture);

    http.expectNone('/api/admissions/admission-1/infusion-events');
    expect(text(page.querySelector('.facts'))).toContain('Status Paused');
    expect(page.querySelector('.stale')).toBeNull();
    expect(page.querySelector('app-infusion-event-form')).toBeNull();
  });

  it('shows the clinical time of each event and when it was entered', async () => {
    await openAs(['nurse'], {
      ...infusing(),
      events: [
        anEvent({ type: 'start', occurredAt: '2025-07-01T08:05:00Z', recordedAt: '2025-07-01T08:20:00Z' }),
        anEvent({
          type: 'pause',
          occurredAt: '2025-07-01T08:40:00Z',
          recordedAt: '2025-07-01T08:55:00Z',
          reason: 'Over-sedation',
          recordedBy: 'me',
        }),
      ],
    });

    expect(text(page.querySelector('.zone-note'))).toBe('Times are ward times (Europe/London).');
    const rows = Array.from(page.querySelectorAll('app-event-history tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => text(cell)),
    );
    expect(rows).toEqual([
      ['Started', '1 Jul 2025, 09:05', '', '1 Jul 2025, 09:20 by user 4504785f'],
      ['Paused', '1 Jul 2025, 09:40', 'Over-sedation', '1 Jul 2025, 09:55 by you'],
    ]);
  });

  it('strikes through an order entered in error and says why in words', async () => {
    const wrong = anOrder({
      rate: { value: 1.5, unit: 'mg/kg/h' },
      effectiveFrom: '2025-07-01T08:30:00Z',
      enteredInError: { reason: 'Decimal point misplaced', markedBy: 'me', markedAt: '2025-07-01T08:45:00Z' },
    });
    const valid = anOrder({ rate: { value: 0.15, unit: 'mg/kg/h' } });
    await openAs(['prescriber'], anAdmission({ status: 'infusing', orders: [wrong, valid] }));

    const rows = Array.from(page.querySelectorAll('app-order-history tr[mat-row]'));
    expect(rows[0].classList).toContain('entered-in-error');
    expect(text(rows[0])).toContain('Entered in error: Decimal point misplaced');
    expect(text(rows[0])).toContain('1.5 mg/kg/h');
    expect(text(rows[1])).toContain('Current');
    expect(text(page.querySelector('.order-sentence'))).toContain('at 0.15 mg/kg/h');
    // Only a valid order can be marked.
    expect(buttonsNamed(page, /^Mark entered in error/)).toHaveLength(1);
  });

  it('marks an order entered in error with the reason; the previous order becomes current', async () => {
    const previous = anOrder({
      rate: { value: 0.1, unit: 'mg/kg/h' },
      effectiveFrom: '2025-07-01T07:00:00Z',
    });
    const latest = anOrder({ rate: { value: 1.5, unit: 'mg/kg/h' }, effectiveFrom: '2025-07-01T08:30:00Z' });
    const admission = anAdmission({
      id: 'admission-4',
      status: 'infusing',
      version: 6,
      orders: [latest, previous],
    });
    await openAs(['prescriber'], admission);

    buttonsNamed(page, /^Mark entered in error\W+1\.5 mg\/kg\/h/)[0].click();
    await fixture.whenStable();
    type(field(page, 'Why was it entered in error?'), 'Decimal point misplaced');
    button(page, 'Confirm entered in error').click();

    const mark = expectWrite(`/api/infusion-orders/${latest.id}/entered-in-error`);
    expect(mark.request.body).toEqual({ version: 6, reason: 'Decimal point misplaced' });
    mark.flush({
      ...admission,
      version: 7,
      currentOrder: previous,
      orders: [
        {
          ...latest,
          enteredInError: {
            reason: 'Decimal point misplaced',
            markedBy: 'me',
            markedAt: '2025-07-01T09:00:00Z',
          },
        },
        previous,
      ],
    });
    await settle(fixture);

    expect(text(page.querySelector('.order-sentence'))).toContain('at 0.1 mg/kg/h');
    expect(text(page.querySelector('[role="status"]'))).toContain(
      'The previous valid order is current again.',
    );
  });

  it('shows the follow-ups of a discharged admission, and none before discharge', async () => {
    await openAs(
      ['nurse'],
      anAdmission({ id: 'admission-9', status: 'discharged', dischargedAt: '2025-06-17T04:00:00Z' }),
    );
    http.expectOne('/api/admissions/admission-9/follow-ups').flush(
      admissionFollowUps({
        admissionId: 'admission-9',
        items: [aFollowUp({ label: 'Week 1', status: 'due' })],
      }),
    );
    await fixture.whenStable();
    const headings = Array.from(page.querySelectorAll('h2')).map((h) => text(h));
    expect(headings).toContain('Follow-ups');
    expect(text(page.querySelector('app-admission-follow-ups-panel'))).toContain('Week 1 Due');
  });

  it('has no follow-ups panel while the patient is on the ward', async () => {
    await openAs(['nurse'], infusing());
    expect(page.querySelector('app-admission-follow-ups-panel')).toBeNull();
  });

  it('shows a nurse which SpO2 scale applies, with no way to change it', async () => {
    await openAs(['nurse'], infusing());
    const panel = page.querySelector('app-spo2-target-panel');
    expect(text(panel)).toBe('SpO2 target: Scale 1 (default)');
    expect(buttonsNamed(page, /scale 2 target/)).toEqual([]);
  });

  it('lets a prescriber document a scale 2 target, then shows it on the admission without a reload', async () => {
    await openAs(['prescriber'], infusing());

    button(page, 'Document a scale 2 target').click();
    await settle(fixture);
    type(field(page, 'Scale 2 target as prescribed'), '88-92%');
    button(page, 'Save the target').click();
    await settle(fixture);
    const request = expectWrite('/api/admissions/admission-1/spo2-scale2-target');
    expect(request.request.body).toEqual({ target: '88-92%' });
    request.flush({ target: '88-92%', setBy: 'me', setAt: '2025-07-01T08:55:00Z' });
    await settle(fixture);

    expect(text(page.querySelector('.spo2-target'))).toBe(
      'SpO2 scale 2 target: 88-92% (documented by you at 1 Jul 2025, 09:55)',
    );
    expect(text(page.querySelector('app-spo2-target-panel [role="status"]'))).toBe(
      'Scale 2 target documented: 88-92%.',
    );
    expect(buttonsNamed(page, 'Withdraw the scale 2 target')).toHaveLength(1);
  });
});
