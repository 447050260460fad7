import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { RENDERED_FOR, renderedForValue } from '../common/request-origin.js';
import { PagePictures } from '../timeline/page-pictures.js';
import { ApiClient, TEST_PASSWORD, aUser } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

// A page renderer written for these tests, in place of the client build's (ADR 13): the route's plumbing,
// not Angular's rendering (the e2e suite opens the real rendered page in a browser). It answers with the
// address and browser headers it was given; `?answer=` makes it redirect or fail.
const RENDERER = `export async function renderPage(url, browser) {
  const answer = new URL(url).searchParams.get('answer');
  if (answer === 'fail') throw new Error('the page could not be rendered');
  if (answer === 'redirect') return { status: 302, html: '' };
  const given = [url, browser.cookie, browser['x-rendered-for']].join(' | ');
  return { status: 200, html: '<!doctype html><p id="rendered">' + given + '</p>' };
}`;
const INDEX = '<!doctype html><title>Infusion tracker</title><app-root></app-root>';
const PAGE = '/admissions/0193a1f2-7c4e-7d2a-9f00-0123456789ab';

describe('the admission page rendered on the server (ADR 13)', () => {
  let folder: string;
  let testApp: TestApp;
  let nurse: ApiClient;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'rendered-pages-'));
    writeFileSync(path.join(folder, 'index.html'), INDEX);
    writeFileSync(path.join(folder, 'renderer.mjs'), RENDERER);
    testApp = await bootTestApp({ CLIENT_DIR: folder, PAGE_RENDERER: path.join(folder, 'renderer.mjs') });
    nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const navigate = (client: ApiClient, url: string, headers: Record<string, string> = {}) =>
    client.get(url, { accept: 'text/html', ...headers });

  it('renders the page for a browser with a session, as its user, never cached', async () => {
    const response = await navigate(nurse, PAGE);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    const [address, cookie, renderedFor] = response.text
      .replace(/^.*<p id="rendered">|<\/p>$/gs, '')
      .split(' | ');
    // At this server's own loopback address, with the browser's cookie (and so its session), and its
    // address for the audit trail, vouched for by this process.
    expect(address).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${PAGE}$`));
    expect(cookie).toContain(`sid=${nurse.cookie('sid')}`);
    expect(renderedFor).toMatch(/^\S+ (::ffff:)?127\.0\.0\.1$/);
    expect(renderedFor).toBe(renderedForValue(renderedFor!.split(' ')[1]!));
    // The app's security headers, as on every page.
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it("has the stay chart's picture the page shows drawn as the page is sent", async () => {
    const prepare = jest.spyOn(PagePictures.prototype, 'prepare');
    try {
      const response = await navigate(nurse, PAGE);
      expect(prepare).toHaveBeenCalledTimes(1);
      expect(prepare).toHaveBeenCalledWith(response.text);
      await navigate(await ApiClient.anonymous(testApp), PAGE); // the app's index page: nothing to draw
      expect(prepare).toHaveBeenCalledTimes(1);
    } finally {
      prepare.mockRestore();
    }
  });

  it('sends the page gzip-compressed to a browser that accepts it', async () => {
    const response = await navigate(nurse, PAGE, { 'accept-encoding': 'gzip, br' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.text).toContain('<p id="rendered">'); // as supertest decompressed it
  });

  it('renders at its own address whatever Host the request names', async () => {
    const response = await navigate(nurse, PAGE, { host: 'attacker.example' });
    expect(response.text).toMatch(/<p id="rendered">http:\/\/127\.0\.0\.1:\d+\/admissions\//);
    expect(response.text).not.toContain('attacker.example');
  });

  it('sends the app itself to a browser without a session, and to anything but a navigation', async () => {
    const anonymous = await ApiClient.anonymous(testApp);
    for (const response of [
      await navigate(anonymous, PAGE),
      await nurse.get(PAGE, { accept: 'application/json' }),
      await request(testApp.http).get(PAGE).set('accept', 'text/html').set('cookie', 'XSRF-TOKEN=x'),
    ]) {
      expect(response.status).toBe(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the app itself when the renderer fails or redirects', async () => {
    for (const answer of ['fail', 'redirect']) {
      const response = await navigate(nurse, `${PAGE}?answer=${answer}`);
      expect(response.status).toBe(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    // And renders the next page as before.
    expect((await navigate(nurse, PAGE)).text).toContain('<p id="rendered">');
  });

  it("records the browser's address in the audit rows of the page's API calls, only as this process names it", async () => {
    const db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    try {
      const signIn = async (renderedFor: string) => {
        const { username } = await aUser(testApp, ['nurse']);
        const client = await ApiClient.anonymous(testApp);
        const login = { username, password: TEST_PASSWORD };
        expect((await client.post('/api/auth/login', login, { [RENDERED_FOR]: renderedFor })).status).toBe(
          200,
        );
        const audited = await db.query(
          "SELECT client_address FROM audit_events WHERE action = 'auth.sign-in' AND change->>'username' = $1",
          [username],
        );
        return audited.rows[0].client_address as string;
      };
      expect(await signIn(renderedForValue('203.0.113.7'))).toBe('203.0.113.7');
      expect(await signIn(renderedForValue('2001:db8::7'))).toBe('2001:db8::7');
      // Anyone else naming an address, or this process naming something else, is not believed.
      const own = /^(::ffff:)?127\.0\.0\.1$/;
      expect(await signIn('a-guess 203.0.113.8')).toMatch(own);
      expect(await signIn(`${renderedForValue('203.0.113.9').split(' ')[0]}x 203.0.113.9`)).toMatch(own);
      expect(await signIn(renderedForValue('attacker.example'))).toMatch(own);
    } finally {
      await db.end();
    }
  });

  it('sends the app itself from a server without a page renderer', async () => {
    const plain = await bootTestApp({ CLIENT_DIR: folder });
    try {
      const client = await ApiClient.signedIn(plain, (await aUser(plain, ['nurse'])).username);
      const response = await navigate(client, PAGE);
      expect(response.status).toBe(200);
      expect(response.text).toBe(INDEX);
    } finally {
      await plain.close();
    }
  });
});
