import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, choose, field, pressEnterIn, select, settle, text, toggle, type } from '../../testing/dom';
import { aUser, anAdmission, anOrder } from '../../testing/factories';
import { FakeClock } from '../../testing/fake-clock';
import { provideTestApp, verifyLeavingTimelineAside } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { Admission, InfusionOrder } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { AdmissionPage } from './admission-page';

/** The prescriber's order form, as used on the admission page. */
describe('InfusionOrderForm', () => {
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
    await signInAs(aUser({ id: 'me', roles: ['prescriber'] }));
  });

  afterEach(() => verifyLeavingTimelineAside(http));

  async function openOrderForm(admission: Admission) {
    fixture = TestBed.createComponent(AdmissionPage);
    page = fixture.nativeElement;
    fixture.componentRef.setInput('id', admission.id);
    await fixture.whenStable();
    http.expectOne(`/api/admissions/${admission.id}`).flush(admission);
    await fixture.whenStable();
    http.expectOne(`/api/admissions/${admission.id}/observation-sets`).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    button(page, admission.currentOrder ? 'Change rate' : 'Write order').click();
    await fixture.whenStable();
  }

  function form(): HTMLElement {
    const found = page.querySelector<HTMLElement>('app-infusion-order-form');
    if (!found) {
      throw new Error('The order form is not open');
    }
    return found;
  }

  function fillFirstOrder() {
    type(field(form(), 'Concentration'), '2');
    type(field(form(), 'Concentration unit'), 'mg/mL');
    type(field(form(), 'Rate'), '0.15');
    choose(select(form(), 'Rate unit'), 'mg/kg/h');
    type(field(form(), 'Maximum rate'), '0.3');
    choose(select(form(), 'Maximum rate unit'), 'mg/kg/h');
    type(field(form(), 'Planned increment'), '0.05');
    choose(select(form(), 'Planned increment unit'), 'mg/kg/h');
    type(field(form(), 'Least minutes between changes'), '30');
    type(field(form(), 'End points / stop criteria'), 'Stop if POSS 3 or more');
    type(field(form(), 'Effective from (ward time)'), '2025-07-01T09:45');
    type(field(form(), 'Reason for change'), 'Starting dose');
    type(field(form(), 'Note'), 'Syringe driver');
  }

  async function review() {
    button(form(), 'Review order').click();
    await fixture.whenStable();
  }

  async function confirm() {
    toggle(form(), 'I have read the order back and it is what I intend').click();
    await fixture.whenStable();
    button(form(), 'Confirm and save').click();
  }

  function expectOrder(admissionId: string): TestRequest {
    const request = http.expectOne(`/api/admissions/${admissionId}/infusion-orders`);
    expect(request.request.method).toBe('POST');
    return request;
  }

  const noOrderYet = () =>
    anAdmission({ id: 'admission-1', version: 2, status: 'admitted', drug: 'ketamine', weightKg: 70 });

  it('reads the order back in words and sends nothing until the read-back is confirmed', async () => {
    await openOrderForm(noOrderYet());
    fillFirstOrder();
    await review();

    expect(text(form().querySelector('.read-back-order'))).toBe(
      'Ketamine 2 mg/mL IV at 0.15 mg/kg/h from 09:45 (ward time). Maximum 0.3 mg/kg/h.',
    );
    expect(text(form().querySelector('.read-back'))).toContain('Planned increment 0.05 mg/kg/h.');
    expect(text(form().querySelector('.read-back'))).toContain('At least 30 minutes between changes.');
    expect(text(form().querySelector('.read-back'))).toContain('Reason: Starting dose');
    expect(form().querySelector('.rate-change')).toBeNull();

    button(form(), 'Confirm and save').click();
    await fixture.whenStable();

    http.expectNone('/api/admissions/admission-1/infusion-orders');
    expect(text(form())).toContain('Tick the box to confirm you have read the order back.');
  });

  it('sends exactly the values typed, with the ward time as UTC, once confirmed', async () => {
    await openOrderForm(noOrderYet());
    fillFirstOrder();
    await review();
    await confirm();

    const order = expectOrder('admission-1');
    expect(order.request.body).toEqual({
      version: 2,
      drug: 'Ketamine',
      route: 'intravenous',
      concentration: { value: 2, unit: 'mg/mL' },
      rate: { value: 0.15, unit: 'mg/kg/h' },
      maxRate: { value: 0.3, unit: 'mg/kg/h' },
      increment: { value: 0.05, unit: 'mg/kg/h' },
      minMinutesBetweenChanges: 30,
      endPoints: 'Stop if POSS 3 or more',
      effectiveFrom: '2025-07-01T08:45:00.000Z',
      reason: 'Starting dose',
      note: 'Syringe driver',
    });
    const saved = anOrder({
      concentration: { value: 2, unit: 'mg/mL' },
      rate: { value: 0.15, unit: 'mg/kg/h' },
      effectiveFrom: '2025-07-01T08:45:00.000Z',
    });
    order.flush(
      {
        id: saved.id,
        maximumRateCheck: 'no-maximum',
        admission: { ...noOrderYet(), version: 3, currentOrder: saved, orders: [saved] },
      },
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);

    expect(page.querySelector('app-infusion-order-form')).toBeNull();
    // Ordered but not started yet: the header says so before the rate, which is not shown as running.
    expect(text(page.querySelector('.held-state'))).toBe('Not started');
    expect(text(page.querySelector('.order-sentence'))).toBe(
      'Ordered rate, not started: Ketamine 2 mg/mL at 0.15 mg/kg/h IV, since 09:45',
    );
    expect(text(page.querySelector('[role="status"]'))).toBe(
      'Order saved: Ketamine 2 mg/mL at 0.15 mg/kg/h IV, since 09:45.',
    );
  });

  it('goes from the keyboard: Enter reviews, focus moves to the read-back, then the confirmation is next', async () => {
    await openOrderForm(noOrderYet());
    fillFirstOrder();

    pressEnterIn(field(form(), 'Reason for change'));
    await fixture.whenStable();

    const readBack = form().querySelector('.read-back');
    expect(document.activeElement).toBe(readBack);
    const focusable = Array.from(form().querySelectorAll<HTMLElement>('input, button'));
    expect(focusable[0]).toBe(toggle(form(), 'I have read the order back and it is what I intend'));
  });

  it('goes back to the form with everything kept on Edit', async () => {
    await openOrderForm(noOrderYet());
    fillFirstOrder();
    await review();

    button(form(), 'Edit').click();
    await fixture.whenStable();

    expect(field(form(), 'Rate').value).toBe('0.15');
    expect(select(form(), 'Rate unit').value).toBe('mg/kg/h');
    expect(field(form(), 'Reason for change').value).toBe('Starting dose');
  });

  it('refuses values that are not plain positive numbers with at most 4 decimal places', async () => {
    await openOrderForm(noOrderYet());
    fillFirstOrder();
    type(field(form(), 'Rate'), '.5');
    type(field(form(), 'Concentration'), '0.12345');
    await review();

    expect(form().querySelector('.read-back')).toBeNull();
    expect(text(form())).toContain('Enter a number more than 0, e.g. 0.15, at most 4 decimal places.');
    expect(text(form())).toContain('Enter a number more than 0, e.g. 2, at most 4 decimal places.');
  });

  const withCurrentOrder = (current: Partial<InfusionOrder> = {}) => {
    const order = anOrder({
      drug: 'Ketamine',
      route: 'intravenous',
      concentration: { value: 2, unit: 'mg/mL' },
      rate: { value: 0.15, unit: 'mg/kg/h' },
      maxRate: { value: 0.3, unit: 'mg/kg/h' },
      increment: { value: 0.05, unit: 'mg/kg/h' },
      minMinutesBetweenChanges: 30,
      endPoints: 'Stop if POSS 3 or more',
      ...current,
    });
    return anAdmission({
      id: 'admission-5',
      version: 8,
      status: 'infusing',
      weightKg: 70,
      currentOrder: order,
    });
  };

  it('never fills in the rate; carries over the rest of what the prescriber wrote in the current order', async () => {
    await openOrderForm(withCurrentOrder());

    expect(field(form(), 'Rate').value).toBe('');
    expect(select(form(), 'Rate unit').value).toBe('');
    expect(field(form(), 'Drug').value).toBe('Ketamine');
    expect(field(form(), 'Concentration').value).toBe('2');
    expect(field(form(), 'Concentration unit').value).toBe('mg/mL');
    expect(field(form(), 'Maximum rate').value).toBe('0.3');
    // Shown the ward's way, day first on the 24-hour clock, whatever the browser's locale.
    expect(field(form(), 'Effective from (ward time)').value).toBe('01/07/2025 10:00');
    expect(field(form(), 'Reason for change').value).toBe('');
  });

  it('shows the maximum when the new rate is above it, and records it only with an override reason, confirmed again', async () => {
    const admission = withCurrentOrder();
    await openOrderForm(admission);
    type(field(form(), 'Rate'), '0.4');
    choose(select(form(), 'Rate unit'), 'mg/kg/h');
    type(field(form(), 'Maximum rate'), '0.5');
    type(field(form(), 'Reason for change'), 'Pain 8/10, no side effects');
    await review();
    await confirm();

    const first = expectOrder('admission-5');
    expect(first.request.body.overMaxReason).toBeUndefined();
    first.flush(
      {
        type: '/problems/above-maximum-rate',
        title: 'Rate above the prescribed maximum',
        status: 409,
        detail: '0.4 mg/kg/h is above the maximum of 0.3 mg/kg/h in the current order.',
        maximumRate: { value: 0.3, unit: 'mg/kg/h' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    expect(text(form().querySelector('.above-maximum'))).toContain(
      '0.4 mg/kg/h is above the maximum of 0.3 mg/kg/h in the current order.',
    );
    expect(document.activeElement).toBe(field(form(), 'Override reason'));

    // The confirmation was cleared: it must be given again, with the reason.
    button(form(), 'Confirm and save').click();
    await fixture.whenStable();
    http.expectNone('/api/admissions/admission-5/infusion-orders');

    type(field(form(), 'Override reason'), 'Discussed with consultant; tolerating well');
    await confirm();

    const second = expectOrder('admission-5');
    expect(second.request.body).toMatchObject({
      version: 8,
      rate: { value: 0.4, unit: 'mg/kg/h' },
      maxRate: { value: 0.5, unit: 'mg/kg/h' },
      overMaxReason: 'Discussed with consultant; tolerating well',
    });
  });

  it('reads a change of rate back as old to new, beside the time since the last change and the least interval the order records', async () => {
    // The current order took effect at 05:23 UTC; the fake clock reads 09:00 UTC: 3 h 37 min later.
    await openOrderForm(
      withCurrentOrder({ effectiveFrom: '2025-07-01T05:23:00Z', minMinutesBetweenChanges: 240 }),
    );
    type(field(form(), 'Rate'), '0.2');
    choose(select(form(), 'Rate unit'), 'mg/kg/h');
    type(field(form(), 'Reason for change'), 'Pain 7/10');
    await review();

    expect(text(form().querySelector('.rate-change'))).toBe('Rate 0.15 mg/kg/h → 0.2 mg/kg/h');
    expect(text(form().querySelector('.last-change'))).toBe(
      'Last change 3 h 37 min ago (06:23); current order says at least 240 min between changes.',
    );
  });

  it('says when the current order records no least interval, and shows no change line for a first order', async () => {
    await openOrderForm(
      withCurrentOrder({ effectiveFrom: '2025-07-01T08:30:00Z', minMinutesBetweenChanges: null }),
    );
    type(field(form(), 'Rate'), '2');
    choose(select(form(), 'Rate unit'), 'mg/h');
    type(field(form(), 'Reason for change'), 'Unit changed by the prescriber');
    await review();

    expect(text(form().querySelector('.rate-change'))).toBe('Rate 0.15 mg/kg/h → 2 mg/h');
    expect(text(form().querySelector('.last-change'))).toBe(
      'Last change 30 min ago (09:30); current order records no least interval between changes.',
    );
  });

  it('will not read back a rate above the maximum written in the same order', async () => {
    await openOrderForm(withCurrentOrder());
    type(field(form(), 'Rate'), '0.4');
    choose(select(form(), 'Rate unit'), 'mg/kg/h');
    type(field(form(), 'Reason for change'), 'Pain 8/10');
    await review();

    expect(form().querySelector('.read-back')).toBeNull();
    expect(text(form())).toContain('The rate is above the maximum rate written in this order.');
  });

  it('says the maximum is in another unit and cannot be compared, converting nothing', async () => {
    const admission = withCurrentOrder();
    await openOrderForm(admission);
    type(field(form(), 'Rate'), '8');
    choose(select(form(), 'Rate unit'), 'mg/h');
    type(field(form(), 'Reason for change'), 'Changed to a fixed rate');
    await review();

    expect(text(form().querySelector('.read-back'))).toContain(
      "The current order's maximum is 0.3 mg/kg/h. The maximum rate is in another unit, so the app cannot compare them.",
    );
    await confirm();
    const saved = anOrder({ rate: { value: 8, unit: 'mg/h' } });
    expectOrder('admission-5').flush(
      {
        id: saved.id,
        maximumRateCheck: 'not-comparable',
        admission: { ...admission, version: 9, currentOrder: saved },
      },
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);

    expect(text(page.querySelector('[role="status"]'))).toContain(
      'The maximum rate is in another unit, so the app cannot compare them.',
    );
  });

  it('offers to reload when someone else changed the admission first, and does not retry', async () => {
    const admission = withCurrentOrder();
    await openOrderForm(admission);
    type(field(form(), 'Rate'), '0.2');
    choose(select(form(), 'Rate unit'), 'mg/kg/h');
    type(field(form(), 'Reason for change'), 'Pain 7/10');
    await review();
    await confirm();
    const otherOrder = anOrder({ rate: { value: 0.25, unit: 'mg/kg/h' } });
    expectOrder('admission-5').flush(
      {
        type: '/problems/stale-version',
        title: 'Changed by someone else',
        status: 409,
        detail: 'The admission changed since you loaded it (your version 8, now 9).',
        current: { ...admission, version: 9, currentOrder: otherOrder },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    expect(text(page.querySelector('.stale'))).toContain('Someone else changed this admission');
    button(page, 'Reload with the current state').click();
    await settle(fixture);

    http.expectNone('/api/admissions/admission-5/infusion-orders');
    expect(text(page.querySelector('.order-sentence'))).toContain('at 0.25 mg/kg/h');
  });

  it('never shows a dose worked out from the weight, the rate or the concentration', async () => {
    // Weight 70 kg and 0.1 mg/kg/h would be 7 mg/h; at 2 mg/mL, 3.5 mL/h. Neither may appear anywhere.
    const admission = anAdmission({ id: 'admission-6', version: 1, status: 'admitted', weightKg: 70 });
    await openOrderForm(admission);
    type(field(form(), 'Concentration'), '2');
    type(field(form(), 'Concentration unit'), 'mg/mL');
    type(field(form(), 'Rate'), '0.1');
    choose(select(form(), 'Rate unit'), 'mg/kg/h');
    type(field(form(), 'Reason for change'), 'Starting dose');
    await fixture.whenStable();
    expectNoDerivedDose();

    await review();
    expectNoDerivedDose();

    await confirm();
    const saved = anOrder({
      concentration: { value: 2, unit: 'mg/mL' },
      rate: { value: 0.1, unit: 'mg/kg/h' },
    });
    expectOrder('admission-6').flush(
      {
        id: saved.id,
        maximumRateCheck: 'no-maximum',
        admission: { ...admission, version: 2, currentOrder: saved, orders: [saved] },
      },
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);
    expect(text(page)).toContain('70 kg');
    expect(text(page)).toContain('0.1 mg/kg/h');
    expectNoDerivedDose();
  });

  function expectNoDerivedDose() {
    const values = Array.from(page.querySelectorAll<HTMLInputElement>('input, textarea, select')).map(
      (element) => element.value,
    );
    const everything = [
      text(page),
      ...values,
      ...Array.from(page.querySelectorAll('[aria-label]')).map((element) =>
        element.getAttribute('aria-label'),
      ),
    ].join(' | ');
    expect(everything).not.toMatch(/(^|[^\d.])7(\.0+)?\s*mg\/h/);
    expect(everything).not.toMatch(/3\.5\s*mL\/h/);
  }
});
