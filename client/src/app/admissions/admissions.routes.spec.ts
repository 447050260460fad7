import { HttpTestingController } from '@angular/common/http/testing';
import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, RouterStateSnapshot, convertToParamMap } from '@angular/router';
import { provideTestApp } from '../../testing/providers';
import { prefetchTimeline } from './admissions.routes';

describe('the admission route, as it is chosen', () => {
  const resolve = (platform: 'browser' | 'server') => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: PLATFORM_ID, useValue: platform }],
    });
    const route = { paramMap: convertToParamMap({ id: 'admission-1' }) } as ActivatedRouteSnapshot;
    TestBed.runInInjectionContext(() => prefetchTimeline(route, {} as RouterStateSnapshot));
    return TestBed.inject(HttpTestingController);
  };
  // jsdom lays nothing out: a 1280 px window, as a ward computer's.
  beforeEach(() => {
    Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1280 });
  });
  afterEach(() => {
    delete (document.documentElement as { clientWidth?: number }).clientWidth;
  });
  const timeline = '/api/admissions/admission-1/timeline';
  const picture = '/api/admissions/admission-1/timeline/picture';

  it('on the server, reads the timeline and leaves the picture to the browser, which finds it in the page', () => {
    const http = resolve('server');
    expect(http.expectOne((request) => request.url === timeline).request.params.keys()).toEqual([]);
    http.expectNone((request) => request.url === picture);
    http.verify();
  });

  it('in the browser, reads the timeline as it is and asks for the picture itself', () => {
    const http = resolve('browser');
    const read = http.expectOne((request) => request.url === timeline);
    expect(read.request.params.keys()).toEqual([]);
    expect(http.expectOne((request) => request.url === picture).request.params.get('width')).toBe('1152');
    http.verify();
  });
});
