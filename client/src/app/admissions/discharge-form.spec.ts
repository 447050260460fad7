import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, choose, field, select, settle, text, type } from '../../testing/dom';
import { anAdmission } from '../../testing/factories';
import { FakeClock } from '../../testing/fake-clock';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo } from '../../testing/session';
import { Admission } from '../core/api-types';
import { Clock } from '../core/idle/clock';
import { DischargeForm } from './discharge-form';

describe('DischargeForm', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DischargeForm>;
  let form: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: Clock, useValue: new FakeClock() }],
    });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
  });

  afterEach(() => http.verify());

  async function render(admission: Admission) {
    fixture = TestBed.createComponent(DischargeForm);
    form = fixture.nativeElement;
    fixture.componentRef.setInput('admission', admission);
    await settle(fixture);
  }

  const stopped = () =>
    anAdmission({ id: 'admission-1', status: 'infusion-stopped', version: 5, baselinePain: 8 });

  const summary = () => text(form.querySelector('app-pain-change-summary'));

  it('shows the change from baseline as the prescriber types the pain at discharge', async () => {
    await render(stopped());
    expect(summary()).toContain('Baseline pain 8');
    expect(summary()).toContain('enter the pain score');

    type(field(form, 'Pain at discharge (NRS 0-10)'), '4');
    await settle(fixture);
    expect(summary()).toContain('Down 4 points (50 %) from baseline 8');
    expect(summary()).toContain('At least a 50 % reduction (substantial)');

    type(field(form, 'Pain at discharge (NRS 0-10)'), '6');
    await settle(fixture);
    expect(summary()).toContain('Down 2 points (25 %) from baseline 8');
    expect(summary()).toContain('Less than a 30 % reduction');

    type(field(form, 'Pain at discharge (NRS 0-10)'), '12');
    await settle(fixture);
    expect(summary()).toContain('enter the pain score');
  });

  it('requires the pain at discharge once the infusion ran, and sends it with the PGIC chosen', async () => {
    await render(stopped());
    type(field(form, 'Discharge summary'), 'Home with GP letter.');
    button(form, 'Record discharge').click();
    await settle(fixture);
    http.expectNone('/api/admissions/admission-1/discharge');
    expect(text(form)).toContain('Enter a whole number from 0 to 10.');

    type(field(form, 'Pain at discharge (NRS 0-10)'), '3');
    choose(select(form, 'PGIC at discharge'), '2 Much improved');
    button(form, 'Record discharge').click();

    const request = http.expectOne('/api/admissions/admission-1/discharge');
    expect(request.request.body).toEqual({
      version: 5,
      summary: 'Home with GP letter.',
      painAtDischarge: 3,
      pgicAtDischarge: 2,
    });
  });

  it('leaves the PGIC out when it was not asked, never sending a default', async () => {
    await render(stopped());
    type(field(form, 'Discharge summary'), 'Home.');
    type(field(form, 'Pain at discharge (NRS 0-10)'), '0');
    button(form, 'Record discharge').click();

    expect(http.expectOne('/api/admissions/admission-1/discharge').request.body).toEqual({
      version: 5,
      summary: 'Home.',
      painAtDischarge: 0,
    });
  });

  it('lets a discharge whose infusion never started go without a pain score', async () => {
    await render(anAdmission({ id: 'admission-2', status: 'admitted', version: 2 }));
    type(field(form, 'Discharge summary'), 'Went home.');
    type(field(form, 'Reason the infusion never started'), 'Line could not be placed');
    button(form, 'Record discharge').click();

    expect(http.expectOne('/api/admissions/admission-2/discharge').request.body).toEqual({
      version: 2,
      summary: 'Went home.',
      reason: 'Line could not be placed',
    });
  });

  it('says there is no percentage change when the baseline was 0', async () => {
    await render(anAdmission({ status: 'infusion-stopped', baselinePain: 0 }));
    type(field(form, 'Pain at discharge (NRS 0-10)'), '2');
    await settle(fixture);
    expect(summary()).toContain('Up 2 points from baseline 0');
    expect(summary()).toContain('No percentage change: the baseline was 0');
  });

  it('names the field of a validation problem from the server in the words of the form', async () => {
    await render(stopped());
    type(field(form, 'Discharge summary'), 'Home.');
    type(field(form, 'Pain at discharge (NRS 0-10)'), '3');
    button(form, 'Record discharge').click();
    http.expectOne('/api/admissions/admission-1/discharge').flush(
      {
        type: '/problems/validation-failed',
        title: 'The request is not valid',
        status: 400,
        errors: [{ field: 'pgicAtDischarge', messages: ['must be from 1 to 7'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(form.querySelector('[role="alert"]'))).toContain('PGIC at discharge: must be from 1 to 7');
  });
});
