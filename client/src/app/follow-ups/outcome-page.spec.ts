import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, choose, field, select, settle, text, toggle, type } from '../../testing/dom';
import {
  aFollowUp,
  aFollowUpOutcome,
  aPatient,
  admissionFollowUps,
  anAdmission,
} from '../../testing/factories';
import { FakeClock } from '../../testing/fake-clock';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo } from '../../testing/session';
import { AdmissionFollowUps, Instrument } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { OutcomePage } from './outcome-page';

const bpi: Instrument = {
  code: 'bpi-interference',
  version: 'placeholder-1',
  title: 'Pain interference (placeholder)',
  placeholder: true,
  recall: 'In the last week',
  items: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({ key, text: `Item ${key}` })),
  scale: { min: 0, max: 10, minAnchor: 'Does not interfere', maxAnchor: 'Completely interferes' },
  scoring: { rule: 'mean', minAnswered: 4 },
};
const pgic: Instrument = { ...bpi, code: 'pgic', title: 'PGIC', placeholder: false };

describe('OutcomePage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<OutcomePage>;
  let page: HTMLElement;

  beforeEach(async () => {
    // The fake clock reads 1 July 2025, 09:00 UTC: 10:00 on a London ward.
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: Clock, useValue: new FakeClock() }],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
  });

  afterEach(() => {
    // Patient-reported follow-ups (issue 13): the patient link panel's own request.
    http.match((request) => request.url.endsWith('/patient-links'));
    http.verify();
  });

  const week2 = () =>
    aFollowUp({
      id: 'fu-2',
      label: 'Week 2',
      weeks: 2,
      dueOn: '2025-07-01',
      windowStart: '2025-06-28',
      windowEnd: '2025-07-04',
      status: 'due',
    });

  async function open(followUps: AdmissionFollowUps = admissionFollowUps({ items: [week2()] })) {
    fixture = TestBed.createComponent(OutcomePage);
    page = fixture.nativeElement;
    fixture.componentRef.setInput('followUpId', 'fu-2');
    fixture.componentRef.setInput('admission', 'admission-1');
    await fixture.whenStable();
    http
      .expectOne('/api/admissions/admission-1')
      .flush(
        anAdmission({ id: 'admission-1', patient: aPatient({ familyName: 'Okafor', givenName: 'Grace' }) }),
      );
    http.expectOne('/api/admissions/admission-1/follow-ups').flush(followUps);
    http.expectOne('/api/instruments').flush([pgic, bpi]);
    await settle(fixture);
  }

  /** An item of a questionnaire, labelled by its own text beside a short answer field. */
  function item(text: string): HTMLInputElement {
    const label = Array.from(page.querySelectorAll('label')).find((element) =>
      element.textContent?.trim().endsWith(text),
    );
    const input = page.querySelector<HTMLInputElement>(`#${label?.getAttribute('for')}`);
    if (!input) {
      throw new Error(`No questionnaire item ${text}`);
    }
    return input;
  }

  function fillRequired(pain = '5') {
    type(field(page, 'Pain now (NRS 0-10)'), pain);
    choose(select(page, 'Method'), 'Phone');
  }

  const summary = () => text(page.querySelector('app-pain-change-summary'));

  it('shows who, which follow-up, the baseline and discharge scores, and the change as the nurse types', async () => {
    await open();
    expect(text(page.querySelector('.who'))).toContain('OKAFOR, Grace');
    expect(text(page.querySelector('.who'))).toContain('Week 2 , due 1 Jul 2025');
    expect(summary()).toContain('Baseline pain 8 At discharge 4');
    type(field(page, 'Pain now (NRS 0-10)'), '5');
    await settle(fixture);
    expect(summary()).toContain('Down 3 points (38 %) from baseline 8');
    expect(summary()).toContain('At least a 30 % reduction (moderately important)');
    // Today's ward date is filled in; nothing else is answered for the nurse.
    expect(field(page, 'Assessed on').value).toBe('01/07/2025');
    // Shown in the ward's words whatever date format the browser uses.
    expect(text(page)).toContain('1 Jul 2025, ward date; not before discharge, not in the future');
    expect(page.querySelectorAll('mat-radio-button.mat-mdc-radio-checked')).toHaveLength(0);
  });

  it('asks benefit ongoing with nothing preselected and sends nothing until it is answered', async () => {
    await open();
    fillRequired();
    button(page, 'Save outcome').click();
    await settle(fixture);
    http.expectNone('/api/follow-ups/fu-2/outcome');
    expect(text(page)).toContain('Answer whether benefit is ongoing.');
  });

  it('records benefit that ended, with the date and the "about" flag, and only what was answered', async () => {
    await open();
    fillRequired('6');
    toggle(page, 'No').click();
    await settle(fixture);
    type(field(page, 'Date benefit ended'), '2025-06-26');
    toggle(page, 'About: the patient is unsure of the exact date').click();
    toggle(page, '3 Minimally improved').click();
    type(field(page, 'Adverse effects since discharge'), 'Vivid dreams for two nights');
    choose(select(page, 'Adverse effects grade'), 'Mild');
    await settle(fixture);
    button(page, 'Save outcome').click();

    const post = http.expectOne('/api/follow-ups/fu-2/outcome');
    expect(post.request.body).toEqual({
      assessedOn: '2025-07-01',
      method: 'phone',
      painNow: 6,
      pgic: 3,
      benefitOngoing: false,
      benefitEndedOn: '2025-06-26',
      benefitEndedOnApproximate: true,
      adverseEffects: 'Vivid dreams for two nights',
      adverseEffectsGrade: 'mild',
    });
    post.flush(
      {
        ...week2(),
        status: 'done',
        outcome: aFollowUpOutcome({
          benefitOngoing: false,
          painNow: 6,
          benefitEndedOn: '2025-06-26',
          benefitEndedOnApproximate: true,
        }),
      },
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);
    expect(text(page.querySelector('.confirmation'))).toContain('Outcome recorded: OKAFOR, Grace, Week 2');
    expect(text(page.querySelector('.confirmation'))).toContain('benefit ended about 26 Jun 2025');
    expect(page.querySelector('form')).toBeNull();
  });

  it('refuses a benefit end date before discharge or after the assessment', async () => {
    await open();
    fillRequired();
    toggle(page, 'No').click();
    await settle(fixture);
    type(field(page, 'Date benefit ended'), '2025-06-10');
    button(page, 'Save outcome').click();
    await settle(fixture);
    expect(text(page)).toContain('Benefit cannot end before the discharge.');
    type(field(page, 'Assessed on'), '2025-06-28');
    type(field(page, 'Date benefit ended'), '2025-06-30');
    await settle(fixture);
    expect(text(page)).toContain('The date cannot be after the assessment.');
    http.expectNone('/api/follow-ups/fu-2/outcome');
  });

  it('refuses an assessment date in the future', async () => {
    await open();
    fillRequired();
    toggle(page, 'Yes').click();
    type(field(page, 'Assessed on'), '2025-07-02');
    button(page, 'Save outcome').click();
    await settle(fixture);
    expect(text(page)).toContain('The date cannot be in the future.');
    http.expectNone('/api/follow-ups/fu-2/outcome');
  });

  it('asks whether benefit returned when an earlier follow-up said it had ended', async () => {
    const week1 = aFollowUp({
      id: 'fu-1',
      label: 'Week 1',
      status: 'done',
      outcome: aFollowUpOutcome({
        benefitOngoing: false,
        benefitEndedOn: '2025-06-22',
        assessedOn: '2025-06-24',
      }),
    });
    await open(admissionFollowUps({ items: [week1, week2()] }));
    expect(text(page.querySelector('.last-outcome'))).toContain('benefit ended 22 Jun 2025');
    fillRequired('3');
    toggle(page, 'Yes').click();
    await settle(fixture);
    expect(text(page)).toContain('An earlier follow-up said benefit had ended. Has benefit returned?');
    button(page, 'Save outcome').click();
    await settle(fixture);
    expect(text(page)).toContain('Answer whether benefit returned.');
    http.expectNone('/api/follow-ups/fu-2/outcome');

    toggle(page, 'Yes, it returned').click();
    button(page, 'Save outcome').click();
    expect(http.expectOne('/api/follow-ups/fu-2/outcome').request.body).toMatchObject({
      benefitOngoing: true,
      benefitReturned: true,
    });
  });

  it('offers the optional questionnaires, marks a placeholder one, and scores it as the nurse types', async () => {
    await open();
    const instrument = page.querySelector('fieldset.instrument');
    // PGIC and the NRS are the form's own questions, not asked twice.
    expect(page.querySelectorAll('fieldset.instrument')).toHaveLength(1);
    expect(text(instrument)).toContain('Placeholder text , not the licensed questionnaire');
    type(item('Item a'), '4');
    type(item('Item b'), '6');
    await settle(fixture);
    expect(text(instrument?.querySelector('.score'))).toBe(
      'No valid score: 2 of 7 answered, at least 4 needed',
    );
    type(item('Item c'), '5');
    type(item('Item d'), '7');
    await settle(fixture);
    expect(text(instrument?.querySelector('.score'))).toBe('Score 5.5 (4 of 7 answered)');

    fillRequired();
    toggle(page, 'Yes').click();
    button(page, 'Save outcome').click();
    expect(http.expectOne('/api/follow-ups/fu-2/outcome').request.body.instruments).toEqual([
      {
        code: 'bpi-interference',
        answers: { a: 4, b: 6, c: 5, d: 7, e: null, f: null, g: null },
      },
    ]);
  });

  it("shows the server's objection beside the field it concerns", async () => {
    await open();
    fillRequired();
    toggle(page, 'Yes').click();
    button(page, 'Save outcome').click();
    http.expectOne('/api/follow-ups/fu-2/outcome').flush(
      {
        type: '/problems/validation-failed',
        title: 'The outcome is not consistent with earlier follow-ups',
        status: 422,
        errors: [{ field: 'benefitOngoing', messages: ['benefit ended at week 1; say whether it returned'] }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const beside = Array.from(page.querySelectorAll('.field-error')).map((element) => text(element));
    expect(beside).toContain('Benefit ongoing: benefit ended at week 1; say whether it returned');
    expect(text(page.querySelector('[role="alert"]'))).toContain(
      'Benefit ongoing?: benefit ended at week 1; say whether it returned',
    );
  });

  it('says so when the follow-up already has an outcome', async () => {
    await open(admissionFollowUps({ items: [{ ...week2(), status: 'done', outcome: aFollowUpOutcome() }] }));
    expect(text(page)).toContain('This follow-up already has an outcome.');
  });
});
