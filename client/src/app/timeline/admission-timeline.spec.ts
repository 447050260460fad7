import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Role } from '../core/api-types';
import { aUser } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { loadAppInfo, signInAs } from '../../testing/session';
import { aTimeline } from '../../testing/timeline-factories';
import { AdmissionTimeline } from './admission-timeline';
import { TimelineChart } from './timeline-chart';

describe('AdmissionTimeline', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AdmissionTimeline>;
  const url = '/api/admissions/admission-1/timeline';

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
    await signInAs(aUser({ roles: ['prescriber'] }));
    fixture = TestBed.createComponent(AdmissionTimeline);
    fixture.componentRef.setInput('admissionId', 'admission-1');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function answer(version: number): Promise<void> {
    const timeline = aTimeline();
    http.expectOne(url).flush({ ...timeline, admission: { ...timeline.admission, version } });
    await fixture.whenStable();
  }

  async function pageRead(version: number | undefined): Promise<void> {
    fixture.componentRef.setInput('version', version);
    await fixture.whenStable();
  }

  it('is read before the page knows the admission, and not again when the page learns the version it was read at', async () => {
    await answer(3);
    await pageRead(3);
    http.expectNone(url);
    expect(fixture.nativeElement.textContent).toContain('Timeline of the stay');
  });

  it('is read again when the admission has moved on from the version it was read at, and only then', async () => {
    await pageRead(3);
    await answer(3);
    // The page reading the admission again (it has no version meanwhile) is no change.
    await pageRead(undefined);
    await pageRead(3);
    http.expectNone(url);
    await pageRead(4);
    await answer(4);
    http.expectNone(url);
  });

  it('is read again for another admission', async () => {
    await answer(3);
    fixture.componentRef.setInput('admissionId', 'admission-2');
    await fixture.whenStable();
    http.expectOne('/api/admissions/admission-2/timeline');
  });
});

describe('AdmissionTimeline event list', () => {
  async function openAs(roles: Role[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    const http = TestBed.inject(HttpTestingController);
    await loadAppInfo({ wardTimeZone: 'Europe/London' });
    await signInAs(aUser({ roles }));
    const fixture = TestBed.createComponent(AdmissionTimeline);
    fixture.componentRef.setInput('admissionId', 'admission-1');
    await fixture.whenStable();
    http.expectOne('/api/admissions/admission-1/timeline').flush(aTimeline());
    await fixture.whenStable();
    // The tables come once the stay's chart has settled, when the browser is next idle.
    fixture.debugElement.query(By.directive(TimelineChart)).componentInstance.settled.emit();
    const page: HTMLElement = fixture.nativeElement;
    for (let wait = 0; wait < 20 && !page.querySelector('.event-list'); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await fixture.whenStable();
    }
    return page;
  }

  it('links each event to its audit history for someone who may read the trail', async () => {
    const page = await openAs(['prescriber', 'auditor']);
    const admitted = page.querySelector('.event-list li[data-kind="admission"] a.event-audit');
    expect(admitted?.getAttribute('href')).toBe(
      `/admin/audit?admissionId=${aTimeline().admission.id}&entityType=admission&entityId=${aTimeline().admission.id}`,
    );
    expect(admitted?.textContent).toContain('Audit history');
  });

  it('shows the tables 3 s after the timeline came, should the chart never settle', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      TestBed.configureTestingModule({ providers: provideTestApp() });
      const http = TestBed.inject(HttpTestingController);
      await loadAppInfo({ wardTimeZone: 'Europe/London' });
      await signInAs(aUser({ roles: ['nurse'] }));
      const fixture = TestBed.createComponent(AdmissionTimeline);
      fixture.componentRef.setInput('admissionId', 'admission-1');
      fixture.detectChanges();
      http.expectOne('/api/admissions/admission-1/timeline').flush(aTimeline());
      fixture.detectChanges();
      const page: HTMLElement = fixture.nativeElement;
      jest.advanceTimersByTime(2900);
      fixture.detectChanges();
      expect(page.textContent).toContain('Preparing the flowsheet and the event list');
      expect(page.querySelector('.event-list')).toBeNull();
      jest.advanceTimersByTime(200);
      fixture.detectChanges();
      expect(page.querySelector('.event-list')).not.toBeNull();
      expect(page.textContent).not.toContain('Preparing the flowsheet');
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows no audit links to someone who may not read the trail', async () => {
    const page = await openAs(['prescriber']);
    expect(page.querySelectorAll('.event-list li').length).toBeGreaterThan(0);
    expect(page.querySelector('a.event-audit')).toBeNull();
  });
});
