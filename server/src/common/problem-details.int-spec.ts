import request from 'supertest';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('errors as application/problem+json', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await bootTestApp();
  });
  afterAll(() => testApp.close());

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await request(testApp.http).get('/api/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      instance: '/api/no-such-thing',
    });
    expect(response.body.detail).toEqual(expect.any(String));
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers malformed JSON with a 400 problem, not Fastify’s own error shape', async () => {
    const response = await request(testApp.http)
      .post('/api/health')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: '/problems/bad-request', status: 400 });
  });

  it.each(['/api/health', '/api/no-such-endpoint'])('sends security headers (%s)', async (path) => {
    const response = await request(testApp.http).get(path);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBeDefined();
  });

  it('publishes an OpenAPI description', async () => {
    const response = await request(testApp.http).get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/app-info']),
    );
  });
});
