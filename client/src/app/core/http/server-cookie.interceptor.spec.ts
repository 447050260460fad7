import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Provider, REQUEST } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { serverCookieInterceptor } from './server-cookie.interceptor';

describe('serverCookieInterceptor', () => {
  const send = (providers: Provider[]) => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([serverCookieInterceptor])),
        provideHttpClientTesting(),
        ...providers,
      ],
    });
    TestBed.inject(HttpClient).get('/api/admissions/a-1/timeline').subscribe();
    return TestBed.inject(HttpTestingController).expectOne('/api/admissions/a-1/timeline').request.headers;
  };

  it("makes a page's API calls, on the server, with the browser's cookie and address, and nothing else of it", () => {
    // The browser's request as the server's rendering has it (jsdom has no fetch Request: its headers only).
    const sent: Record<string, string> = {
      cookie: 'sid=s1; XSRF-TOKEN=t1',
      'x-rendered-for': 'secret 203.0.113.7',
      'user-agent': 'Chromium',
      accept: 'text/html',
    };
    const browser = { headers: { get: (name: string) => sent[name] ?? null } } as unknown as Request;
    const headers = send([{ provide: REQUEST, useValue: browser }]);
    expect(headers.get('cookie')).toBe('sid=s1; XSRF-TOKEN=t1');
    expect(headers.get('x-rendered-for')).toBe('secret 203.0.113.7');
    expect(headers.keys().sort()).toEqual(['cookie', 'x-rendered-for']);
  });

  it('changes nothing in the browser, which sends its own cookie', () => {
    expect(send([]).keys()).toEqual([]);
  });
});
