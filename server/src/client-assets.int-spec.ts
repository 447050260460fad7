import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { bootTestApp, type TestApp } from './testing/test-app.js';

describe('serving the built client', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    const clientDir = mkdtempSync(path.join(os.tmpdir(), 'client-'));
    writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Infusion tracker</title>');
    writeFileSync(path.join(clientDir, 'main-2X4QK7ZB.js'), 'console.log(1)');
    writeFileSync(path.join(clientDir, 'favicon.svg'), '<svg/>');
    testApp = await bootTestApp({ CLIENT_DIR: clientDir });
  });
  afterAll(() => testApp.close());

  it('serves index.html at / without caching it', async () => {
    const response = await request(testApp.http).get('/').set('accept', 'text/html').expect(200);
    expect(response.text).toContain('Infusion tracker');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets forever and other files not at all', async () => {
    const hashed = await request(testApp.http).get('/main-2X4QK7ZB.js').expect(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await request(testApp.http).get('/favicon.svg').expect(200);
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('answers a browser navigating to a client route with the app', async () => {
    const response = await request(testApp.http).get('/admin/users').set('accept', 'text/html').expect(200);
    expect(response.text).toContain('Infusion tracker');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('still answers unknown API routes and missing files with problem+json', async () => {
    await request(testApp.http)
      .get('/api/nothing')
      .set('accept', 'text/html')
      .expect(404)
      .expect('content-type', /problem\+json/);
    await request(testApp.http)
      .get('/missing-ABCDEFGH.js')
      .expect(404)
      .expect('content-type', /problem\+json/);
  });
});
