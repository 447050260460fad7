import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { settle } from '../../testing/dom';
import { provideTestApp } from '../../testing/providers';
import { interval, ObservationSchedulePanel } from './observation-schedule-panel';

describe('ObservationSchedulePanel', () => {
  async function render(canChange: boolean) {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    const fixture = TestBed.createComponent(ObservationSchedulePanel);
    fixture.componentRef.setInput('admissionId', 'admission-1');
    fixture.componentRef.setInput('schedule', {
      routineMinutes: 240,
      intensifiedMinutes: 30,
      intensifiedForMinutes: 120,
      setBy: null,
      setAt: null,
    });
    fixture.componentRef.setInput('canChange', canChange);
    await settle(fixture);
    return {
      fixture,
      element: fixture.nativeElement as HTMLElement,
      http: TestBed.inject(HttpTestingController),
    };
  }

  it('says the schedule in ward words, and that it is the default', async () => {
    const { element } = await render(false);
    expect(element.textContent).toContain(
      'Every 4 h; every 30 min for 2 h after a start, resume or rate change.',
    );
    expect(element.textContent).toContain("The ward's default");
    expect(element.querySelector('button')).toBeNull();
  });

  it('lets a prescriber change it and posts whole minutes as numbers', async () => {
    const { fixture, element, http } = await render(true);
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    (element.querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);
    const routine = element.querySelector('input') as HTMLInputElement;
    routine.value = '60';
    routine.dispatchEvent(new Event('input'));
    (element.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle(fixture);
    const request = http.expectOne('/api/admissions/admission-1/observation-schedule');
    expect(request.request.body).toEqual({
      routineMinutes: 60,
      intensifiedMinutes: 30,
      intensifiedForMinutes: 120,
    });
    request.flush({
      routineMinutes: 60,
      intensifiedMinutes: 30,
      intensifiedForMinutes: 120,
      setBy: 'me',
      setAt: '2025-07-01T09:00:00Z',
    });
    await settle(fixture);
    expect(changed).toHaveBeenCalled();
  });

  it('words intervals as the ward does', () => {
    expect(interval(90)).toBe('1 h 30 min');
    expect(interval(15)).toBe('15 min');
    expect(interval(720)).toBe('12 h');
  });
});
