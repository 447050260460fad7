import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../testing/providers';
import { aTimeline } from '../../testing/timeline-factories';
import { Timeline } from '../core/api-types';
import { TimelineApi } from './timeline.api';

describe('TimelineApi', () => {
  let http: HttpTestingController;
  let api: TimelineApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(TimelineApi);
  });

  afterEach(() => http.verify());

  it('reads a prefetched timeline once, from the request the prefetch made', () => {
    api.prefetch('admission-1');
    const request = http.expectOne('/api/admissions/admission-1/timeline');
    const timeline = aTimeline();
    request.flush(timeline);
    const received: Timeline[] = [];
    api.get('admission-1').subscribe((answer) => received.push(answer));
    http.expectNone('/api/admissions/admission-1/timeline');
    expect(received).toEqual([timeline]);
    // Taken once: a later read (the admission changed) asks the server again.
    api.get('admission-1').subscribe();
    http.expectOne('/api/admissions/admission-1/timeline');
  });

  it('reads another admission from the server, and a prefetch that failed again', () => {
    api.prefetch('admission-1');
    api.get('admission-2').subscribe();
    http.expectOne('/api/admissions/admission-2/timeline');
    http.expectOne('/api/admissions/admission-1/timeline').flush(null, { status: 500, statusText: 'Error' });
    const received: Timeline[] = [];
    api.get('admission-1').subscribe((answer) => received.push(answer));
    const timeline = aTimeline();
    http.expectOne('/api/admissions/admission-1/timeline').flush(timeline);
    expect(received).toEqual([timeline]);
  });
});
