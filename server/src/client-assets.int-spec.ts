import { mkdtempSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { bootTestApp, type TestApp } from './testing/test-app.js';

const BUNDLE = `export const rows = [${'"ward board row", '.repeat(400)}];`;

describe('serving the built client', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    const clientDir = mkdtempSync(path.join(os.tmpdir(), 'client-'));
    writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Infusion tracker</title>');
    writeFileSync(path.join(clientDir, 'main-2X4QK7ZB.js'), 'console.log(1)');
    writeFileSync(path.join(clientDir, 'favicon.svg'), '<svg/>');
    writeFileSync(path.join(clientDir, 'chunk-ABCDEFGH.js'), BUNDLE);
    writeFileSync(path.join(clientDir, 'chunk-ABCDEFGH.js.br'), brotliCompressSync(BUNDLE));
    writeFileSync(path.join(clientDir, 'chunk-ABCDEFGH.js.gz'), gzipSync(BUNDLE));
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

  /** The bytes as sent, without a client that decodes them on the way. */
  const rawGet = (url: string, acceptEncoding: string) =>
    testApp.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });

  it('sends the brotli copy a browser accepts, cached as the hashed file it encodes', async () => {
    const response = await rawGet('/chunk-ABCDEFGH.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.length).toBeLessThan(BUNDLE.length / 10);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(BUNDLE);
  });

  it('sends the gzip copy to a client without brotli, and the file itself to one without either', async () => {
    const gzip = await rawGet('/chunk-ABCDEFGH.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(BUNDLE);
    const plain = await rawGet('/chunk-ABCDEFGH.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(BUNDLE);
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
