import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ObservationSet } from '../core/api-types';
import { provideTestApp } from '../../testing/providers';
import { settle } from '../../testing/dom';
import { ObservationHistory } from './observation-history';

function aSet(overrides: Partial<ObservationSet> = {}): ObservationSet {
  return {
    id: 'set-1',
    admissionId: 'admission-1',
    takenAt: '2025-07-01T09:00:00.000Z',
    respirationRate: 16,
    spo2: 97,
    spo2Scale: 1,
    supplementalOxygen: false,
    oxygenDevice: null,
    systolicBp: 120,
    diastolicBp: 80,
    pulse: 70,
    consciousness: 'alert',
    temperatureC: 36.8,
    sedation: '3',
    painScore: 5,
    sideEffects: {},
    pumpRate: { value: 0.15, unit: 'mg/kg/h' },
    comment: null,
    partialReason: null,
    partialReasonText: null,
    confirmedReadings: [],
    news2: {
      complete: true,
      total: 0,
      response: 'low',
      anySingleParameterThree: false,
      missing: [],
      parameters: {
        respirationRate: 0,
        spo2: 0,
        supplementalOxygen: 0,
        systolicBp: 0,
        pulse: 0,
        consciousness: 0,
        temperatureC: 0,
      },
    },
    flags: ['unacceptable-sedation'],
    recordedBy: 'nurse-1',
    recordedByName: 'Sam Nguyen (RN)',
    recordedAt: '2025-07-01T09:01:00.000Z',
    enteredInError: null,
    ...overrides,
  };
}

describe('ObservationHistory', () => {
  async function render(canRecord: boolean) {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    const fixture = TestBed.createComponent(ObservationHistory);
    fixture.componentRef.setInput('admissionId', 'admission-1');
    fixture.componentRef.setInput('canRecord', canRecord);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http
      .expectOne('/api/admissions/admission-1/observation-sets')
      .flush({ items: [aSet()], nextCursor: null });
    await settle(fixture);
    return { fixture, http, element: fixture.nativeElement as HTMLElement };
  }

  it('lists the sets with NEWS2 in words, flags, the pump reading and who recorded them', async () => {
    const { element } = await render(false);
    const text = element.textContent ?? '';
    expect(text).toContain('0.15 mg/kg/h');
    expect(text).toContain('Sam Nguyen (RN)');
    expect(text).toMatch(/sedation/i);
    expect(element.querySelector('button')).toBeNull();
  });

  it('marks a set entered in error with the reason and shows it marked', async () => {
    const { fixture, http, element } = await render(true);
    const mark = Array.from(element.querySelectorAll('button')).find((button) =>
      button.textContent?.includes('Mark entered in error'),
    )!;
    mark.click();
    await settle(fixture);
    const input = element.querySelector('input') as HTMLInputElement;
    input.value = 'Recorded on the wrong patient';
    input.dispatchEvent(new Event('input'));
    (element.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle(fixture);
    const request = http.expectOne('/api/observation-sets/set-1/entered-in-error');
    expect(request.request.body).toEqual({ reason: 'Recorded on the wrong patient' });
    request.flush(
      aSet({
        enteredInError: {
          reason: 'Recorded on the wrong patient',
          markedBy: 'nurse-1',
          markedAt: '2025-07-01T10:00:00.000Z',
        },
      }),
    );
    http.expectOne('/api/admissions/admission-1/observation-sets').flush({
      items: [
        aSet({
          enteredInError: {
            reason: 'Recorded on the wrong patient',
            markedBy: 'nurse-1',
            markedAt: '2025-07-01T10:00:00.000Z',
          },
        }),
      ],
      nextCursor: null,
    });
    await settle(fixture);
    expect(element.textContent).toContain('Entered in error: Recorded on the wrong patient');
  });
});
