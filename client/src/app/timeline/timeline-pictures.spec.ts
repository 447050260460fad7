import { HttpTestingController } from '@angular/common/http/testing';
import { TransferState, makeStateKey } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ErrorNotice } from '../core/http/error-notice';
import { provideTestApp } from '../../testing/providers';
import { TimelinePictures } from './timeline-pictures';

describe('TimelinePictures', () => {
  let http: HttpTestingController;
  let pictures: TimelinePictures;
  const url = '/api/admissions/admission-1/timeline/picture';

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    pictures = TestBed.inject(TimelinePictures);
  });
  afterEach(() => http.verify());

  it('asks for the picture at the width and layout given, as text', async () => {
    const svg = pictures.get('admission-1', 1151.6, false);
    const request = http.expectOne((r) => r.url === url);
    expect(request.request.params.get('width')).toBe('1152');
    expect(request.request.params.get('compact')).toBe('false');
    expect(request.request.responseType).toBe('text');
    request.flush('<svg width="1152"></svg>');
    expect(await svg).toBe('<svg width="1152"></svg>');
  });

  it('gives the prefetched picture to the first get() at the same width and layout, once', async () => {
    void pictures.prefetch('admission-1', 1152, false);
    const prefetched = pictures.get('admission-1', 1152, false);
    http.expectOne((r) => r.url === url).flush('<svg>prefetched</svg>');
    expect(await prefetched).toBe('<svg>prefetched</svg>');
    // Taken: the next get() asks again.
    const again = pictures.get('admission-1', 1152, false);
    http.expectOne((r) => r.url === url).flush('<svg>again</svg>');
    expect(await again).toBe('<svg>again</svg>');
  });

  it('asks again when the chart has another width or layout than the one prefetched', async () => {
    void pictures.prefetch('admission-1', 1152, false);
    const other = pictures.get('admission-1', 1000, false);
    const requests = http.match((r) => r.url === url);
    expect(requests.map((r) => r.request.params.get('width'))).toEqual(['1152', '1000']);
    requests[0].flush('<svg>1152</svg>');
    requests[1].flush('<svg>1000</svg>');
    expect(await other).toBe('<svg>1000</svg>');
  });

  it('answers null, with no error banner, when the server has no picture; asks nothing at no width', async () => {
    const missing = pictures.get('admission-1', 900, false);
    http
      .expectOne((r) => r.url === url)
      .flush({ title: 'Not found' }, { status: 404, statusText: 'Not Found' });
    expect(await missing).toBeNull();
    expect(TestBed.inject(ErrorNotice).problem()).toBeNull();
    expect(await pictures.get('admission-1', 0, false)).toBeNull();
  });

  describe('the picture in a page the server rendered (ADR 13)', () => {
    const pageShows = (width = 1152, compact = false) =>
      TestBed.inject(TransferState).set(
        makeStateKey<string>('stay-picture'),
        `admission-1 ${width} ${compact}`,
      );
    const address = '/api/admissions/admission-1/timeline/picture?width=1152&compact=false';

    it('gives the first render the address the page shows, once, without asking the server', async () => {
      pageShows();
      expect(pictures.comesWithPage('admission-1', 1152, false)).toBe(true);
      expect(pictures.inPage('admission-1', 1151.8, false)).toBe(address);
      expect(pictures.inPage('admission-1', 1152, false)).toBeNull();
      expect(pictures.comesWithPage('admission-1', 1152, false)).toBe(false);
      // Shown: a later view of the stay asks the server for the stay as it is then.
      const later = pictures.get('admission-1', 1152, false);
      http.expectOne((r) => r.url === url).flush('<svg>now</svg>');
      expect(await later).toBe('<svg>now</svg>');
    });

    it('is not used at another width, layout or admission', () => {
      for (const [id, width, compact] of [
        ['admission-1', 992, false],
        ['admission-1', 1152, true],
        ['admission-2', 1152, false],
      ] as const) {
        pageShows();
        expect(pictures.inPage(id, width, compact)).toBeNull();
      }
    });

    it('is noted in the page by the server, with its address', () => {
      expect(pictures.forPage('admission-1', 1152, false)).toBe(address);
      expect(TestBed.inject(TransferState).get(makeStateKey<string>('stay-picture'), null)).toBe(
        'admission-1 1152 false',
      );
    });
  });
});
