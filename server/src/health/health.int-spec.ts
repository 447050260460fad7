import request from 'supertest';
import pg from 'pg';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('GET /api/health', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await bootTestApp();
  });
  afterAll(() => testApp.close());

  it('answers 200 with the database up, and echoes a request id', async () => {
    const response = await request(testApp.http).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a sane request id sent by a proxy', async () => {
    const response = await request(testApp.http)
      .get('/api/health')
      .set('x-request-id', 'ward-7-abc')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('ward-7-abc');
  });

  it('answers 503 when the database stops answering', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      // Refuse new connections to this database and cut the existing ones.
      await admin.query(`ALTER DATABASE ${testApp.database.name} WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
        testApp.database.name,
      ]);
      const response = await request(testApp.http).get('/api/health').expect(503);
      expect(response.body).toEqual({ status: 'unavailable', database: 'down' });
    } finally {
      await admin.query(`ALTER DATABASE ${testApp.database.name} WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });
});
