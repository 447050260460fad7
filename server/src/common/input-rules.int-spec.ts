import { connect } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { ApiClient, aUser } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { aPatient, anAdmittedPatient } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { MAX_DEPTH } from './input-rules.js';

/** The input rules of ADR 7, each through the real app: a 4xx problem, and nothing stored. */
describe('input rules', () => {
  let testApp: TestApp;
  let database: pg.Client;
  let prescriber: ApiClient;
  let nurse: ApiClient;
  let admissionId: string;

  beforeAll(async () => {
    testApp = await bootTestApp();
    database = new pg.Client({ connectionString: testApp.database.url });
    await database.connect();
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
    admissionId = (await anAdmittedPatient(prescriber)).id;
  });
  afterAll(async () => {
    await database.end();
    await testApp.close();
  });

  async function rows(): Promise<{ sets: number; patients: number; audit: number }> {
    const result = await database.query(
      `SELECT (SELECT count(*) FROM observation_sets)::int AS sets, (SELECT count(*) FROM patients)::int AS patients,
              (SELECT count(*) FROM audit_events)::int AS audit`,
    );
    return result.rows[0];
  }

  function expectProblem(response: { status: number; headers: Record<string, string> }, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  }

  const setsPath = () => `/api/admissions/${admissionId}/observation-sets`;

  it.each([
    ['JSON null', null],
    ['a JSON array', [anObservationSet()]],
    ['a number', 42],
  ])('refuses %s as the body of an observation set', async (_, body) => {
    const before = await rows();
    const sent = await request(testApp.http)
      .post(setsPath())
      .set('cookie', `sid=${nurse.cookie('sid')}; XSRF-TOKEN=${nurse.cookie('XSRF-TOKEN')}`)
      .set('x-xsrf-token', nurse.cookie('XSRF-TOKEN')!)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));
    expectProblem(sent, 400);
    expect(sent.body.errors).toEqual([{ field: 'body', messages: ['The body must be a JSON object.'] }]);
    expect(await rows()).toEqual(before);
  });

  it('refuses a list of side effects where an object is expected', async () => {
    const before = await rows();
    const response = await nurse.post(setsPath(), anObservationSet({ sideEffects: [{ nausea: 'mild' }] }));
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'sideEffects', messages: ['sideEffects must be an object, not a list'] },
    ]);
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['a NUL character', 'Pump\u0000alarm', 'must not contain a NUL character'],
    [
      'an unpaired surrogate',
      'Pump \ud800 alarm',
      'must not contain invalid Unicode (an unpaired surrogate)',
    ],
    ['blank text', '   ', 'must not be blank: leave it out if there is nothing to say'],
  ])('refuses a comment with %s, naming the field', async (_, comment, message) => {
    const before = await rows();
    const response = await nurse.post(setsPath(), anObservationSet({ comment }));
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'comment', messages: [`comment ${message}`] }]);
    expect(await rows()).toEqual(before);
  });

  it('takes null in an optional field as the field left out', async () => {
    const response = await nurse.post(setsPath(), anObservationSet({ comment: null, painScore: null }));
    expect(response.status).toBe(201);
    expect(response.body.comment ?? null).toBeNull();
    expect(response.body.painScore ?? null).toBeNull();
  });

  it('refuses null in a required field', async () => {
    const response = await prescriber.post('/api/patients', aPatient({ familyName: null }));
    expectProblem(response, 400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['familyName']);
  });

  it.each(['2999-01-01', '2026-02-30', '1899-12-31', '2026-1-1'])(
    'refuses the weight date %s',
    async (weightMeasuredOn) => {
      const response = await prescriber.patch(`/api/admissions/${admissionId}`, {
        version: 1,
        weightKg: 70,
        weightMeasuredOn,
      });
      expectProblem(response, 400);
      expect(response.body.errors[0].field).toBe('weightMeasuredOn');
    },
  );

  it.each(['2026-02-30T10:00:00Z', '2026-11-20T25:00:00Z', '2026-11-20', '2026-11-20T10:00:00'])(
    'refuses %s as the time a set was taken',
    async (takenAt) => {
      const response = await nurse.post(setsPath(), anObservationSet({ takenAt }));
      expectProblem(response, 400);
      expect(response.body.errors[0].field).toBe('takenAt');
    },
  );

  it('refuses a huge number with a 400, not a database error', async () => {
    const response = await prescriber.patch(`/api/admissions/${admissionId}`, { version: 1e20, bed: '3' });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toEqual({ field: 'version', messages: ['version is too large'] });
  });

  it.each(['__proto__', 'constructor'])('refuses a %s key', async (key) => {
    const response = await request(testApp.http)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(`{"username":"a","password":"b","${key}":{"prototype":{"admin":true}}}`);
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: key, messages: [`${key} is not an accepted field name`] },
    ]);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'username=a&password=b'],
    ['text/plain', '{"username":"a","password":"b"}'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('answers a %s body with 415', async (contentType, body) => {
    const response = await request(testApp.http)
      .post('/api/auth/login')
      .set('content-type', contentType)
      .send(body);
    expectProblem(response, 415);
    expect(response.body.type).toBe('/problems/unsupported-media-type');
  });

  it('refuses deeply nested JSON before parsing it, even on the anonymous sign-in route', async () => {
    for (const body of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(30_000) + '1' + '}'.repeat(30_000),
    ]) {
      const response = await request(testApp.http)
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(body);
      expectProblem(response, 400);
      expect(response.body.detail).toBe(`The JSON body is nested more than ${MAX_DEPTH} levels deep.`);
    }
  });

  it('answers a body above the limit with 413', async () => {
    const response = await request(testApp.http)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ username: 'a', password: 'x'.repeat(300 * 1024) }));
    expectProblem(response, 413);
  });

  it.each([
    ['/api/patients/%E0%A4%A', 400],
    ['/api/patients/%ED%A0%80', 400],
    ['/api/wards/%00/board', 400],
    ['/api/wards/%20%20/board', 400],
    ['/api/patients?q=%E0%A4%A', 400],
    ['/api/patients?q=%00', 400],
    ['/api/admissions?ward=%20', 400],
    [`/api/patients/${'x'.repeat(200)}`, 414],
    [`/api/patients?q=${'x'.repeat(5000)}`, 414],
  ])('answers GET %.60s with a %i problem', async (path, status) => {
    const response = await nurse.get(path);
    expectProblem(response, status);
  });

  it('answers oversized headers with a 431 problem', async () => {
    const server = testApp.http;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      type: '/problems/headers-too-large',
      status: 431,
    });
  });
});
