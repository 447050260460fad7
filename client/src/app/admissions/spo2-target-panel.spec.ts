import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, buttonsNamed, field, hasField, settle, text, type } from '../../testing/dom';
import { PRESCRIBER_ID, aUser } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { Role, Spo2Scale2Target } from '../core/api-types';
import { Spo2TargetPanel } from './spo2-target-panel';

describe('Spo2TargetPanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<Spo2TargetPanel>;
  let panel: HTMLElement;
  let changed: jest.Mock;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
  });

  afterEach(() => http.verify());

  const documented = (overrides: Partial<Spo2Scale2Target> = {}): Spo2Scale2Target => ({
    target: '88-92%',
    setBy: PRESCRIBER_ID,
    // 08:15 UTC is 09:15 on a London ward in July.
    setAt: '2025-07-01T08:15:00Z',
    ...overrides,
  });

  async function render(role: Role, target: Spo2Scale2Target | null, canChange = role === 'prescriber') {
    await signInAs(aUser({ id: 'me', roles: [role] }));
    fixture = TestBed.createComponent(Spo2TargetPanel);
    panel = fixture.nativeElement;
    fixture.componentRef.setInput('admissionId', 'admission-1');
    fixture.componentRef.setInput('target', target);
    fixture.componentRef.setInput('staff', [{ id: PRESCRIBER_ID, displayName: 'Dr Ada Okafor' }]);
    fixture.componentRef.setInput('canChange', canChange);
    changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    await settle(fixture);
  }

  const statement = () => text(panel.querySelector('.spo2-target'));

  /** What the server stores and answers, as the parent page would pass it back in. */
  async function answer(body: Spo2Scale2Target | null) {
    const request = http.expectOne('/api/admissions/admission-1/spo2-scale2-target');
    expect(request.request.method).toBe('POST');
    const sent = request.request.body;
    request.flush(body);
    await settle(fixture);
    fixture.componentRef.setInput('target', body);
    await settle(fixture);
    return sent;
  }

  it('says scale 1 applies by default', async () => {
    await render('nurse', null);
    expect(statement()).toBe('SpO2 target: Scale 1 (default)');
  });

  it('says the documented scale 2 target, who documented it and when in ward time', async () => {
    await render('nurse', documented());
    expect(statement()).toBe(
      'SpO2 scale 2 target: 88-92% (documented by Dr Ada Okafor at 1 Jul 2025, 09:15)',
    );
  });

  it('shows a nurse no way to document or withdraw the target', async () => {
    await render('nurse', documented());
    expect(panel.querySelectorAll('button')).toHaveLength(0);
    expect(panel.querySelector('form')).toBeNull();
  });

  it('lets a prescriber document a target as written, trimmed, and then shows it', async () => {
    await render('prescriber', null);
    expect(buttonsNamed(panel, /Withdraw/)).toEqual([]);
    button(panel, 'Document a scale 2 target').click();
    await settle(fixture);
    const input = field(panel, 'Scale 2 target as prescribed');
    expect(document.activeElement).toBe(input);
    type(input, ' 88-92% ');
    button(panel, 'Save the target').click();
    await settle(fixture);

    const sent = await answer(documented({ setBy: 'me', setAt: '2025-07-01T09:00:00Z' }));

    expect(sent).toEqual({ target: '88-92%' });
    expect(changed).toHaveBeenCalledWith({ target: '88-92%', setBy: 'me', setAt: '2025-07-01T09:00:00Z' });
    expect(hasField(panel, 'Scale 2 target as prescribed')).toBe(false);
    expect(statement()).toBe('SpO2 scale 2 target: 88-92% (documented by you at 1 Jul 2025, 10:00)');
    expect(text(panel.querySelector('[role="status"]'))).toBe('Scale 2 target documented: 88-92%.');
  });

  it('sends nothing while the target is blank', async () => {
    await render('prescriber', null);
    button(panel, 'Document a scale 2 target').click();
    await settle(fixture);
    type(field(panel, 'Scale 2 target as prescribed'), '   ');
    button(panel, 'Save the target').click();
    await settle(fixture);
    http.expectNone('/api/admissions/admission-1/spo2-scale2-target');
    expect(text(panel.querySelector('mat-error'))).toBe('Write the target as prescribed, e.g. 88-92%.');
  });

  it('withdraws the target only after the prescriber confirms, then says scale 1 applies', async () => {
    await render('prescriber', documented());
    button(panel, 'Withdraw the scale 2 target').click();
    await settle(fixture);
    http.expectNone('/api/admissions/admission-1/spo2-scale2-target');
    expect(text(panel.querySelector('#withdraw-question'))).toBe(
      'Withdraw the scale 2 target 88-92%? Observations will then be scored on SpO2 scale 1.',
    );

    button(panel, 'Keep the target').click();
    await settle(fixture);
    http.expectNone('/api/admissions/admission-1/spo2-scale2-target');
    expect(panel.querySelector('#withdraw-question')).toBeNull();

    button(panel, 'Withdraw the scale 2 target').click();
    await settle(fixture);
    button(panel, 'Withdraw the target').click();
    await settle(fixture);
    const sent = await answer(null);

    expect(sent).toEqual({ target: null });
    expect(changed).toHaveBeenCalledWith(null);
    expect(statement()).toBe('SpO2 target: Scale 1 (default)');
    expect(buttonsNamed(panel, /Withdraw/)).toEqual([]);
    expect(buttonsNamed(panel, 'Document a scale 2 target')).toHaveLength(1);
  });

  it('shows the problem the server answers and keeps what was typed', async () => {
    await render('prescriber', null);
    button(panel, 'Document a scale 2 target').click();
    await settle(fixture);
    type(field(panel, 'Scale 2 target as prescribed'), '88-92%');
    button(panel, 'Save the target').click();
    await settle(fixture);

    http.expectOne('/api/admissions/admission-1/spo2-scale2-target').flush(
      {
        type: '/problems/forbidden',
        title: 'Not allowed',
        status: 403,
        detail: 'Only a prescriber may document an SpO2 target.',
      },
      { status: 403, statusText: 'Forbidden', headers: { 'content-type': 'application/problem+json' } },
    );
    await settle(fixture);

    expect(changed).not.toHaveBeenCalled();
    expect(text(panel.querySelector('[role="alert"]'))).toBe(
      'Not allowed Only a prescriber may document an SpO2 target.',
    );
    expect(field(panel, 'Scale 2 target as prescribed').value).toBe('88-92%');
    expect(statement()).toBe('SpO2 target: Scale 1 (default)');
  });
});
