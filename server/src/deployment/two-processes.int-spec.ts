import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MAX_FAILURES_PER_USERNAME } from '../auth/sign-in-limiter.js';
import { ApiClient, aUser, TEST_PASSWORD } from '../testing/api-client.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A browser whose requests a load balancer sends to whichever API process it likes: one cookie jar,
 * and each request names the process it goes to.
 */
class Browser {
  private readonly cookies = new Map<string, string>();

  async send(
    server: ServerProcess,
    method: string,
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ) {
    const xsrf = this.cookies.get('XSRF-TOKEN');
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.cookies.size > 0
          ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
          : {}),
        ...(xsrf && method !== 'GET' ? { 'x-xsrf-token': decodeURIComponent(xsrf) } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const match = /^([^=]+)=([^;]*)/.exec(line);
      if (match) this.cookies.set(match[1], match[2]);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }
}

describe('two API processes on one database', () => {
  let testApp: TestApp;
  let one: ServerProcess;
  let other: ServerProcess;
  let nurseName: string;
  let prescriber: ApiClient;
  let admission: { id: string; ward: string };

  async function anInfusingAdmission() {
    const admitted = await anAdmittedPatient(prescriber, { ward: `Ward ${randomUUID()}` });
    const ordered = (await prescriber.post(`/api/admissions/${admitted.id}/infusion-orders`, anOrder(1)))
      .body;
    await prescriber.post(`/api/admissions/${admitted.id}/infusion-events`, {
      version: ordered.admission.version,
      type: 'start',
    });
    return admitted;
  }

  beforeAll(async () => {
    // The app in this process only makes the users and the admission; the requests under test go to
    // two server processes started from server/src/main.ts, as a deployment runs them.
    testApp = await bootTestApp();
    nurseName = (await aUser(testApp, ['nurse'])).username;
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    admission = await anInfusingAdmission();
    [one, other] = await Promise.all([
      startServerProcess(testApp.database.url),
      startServerProcess(testApp.database.url),
    ]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), other?.stop()]);
    await testApp?.close();
  });

  async function signedInNurse(on: ServerProcess): Promise<Browser> {
    const browser = new Browser();
    await browser.send(on, 'GET', '/api/app-info');
    const signIn = await browser.send(on, 'POST', '/api/auth/login', {
      username: nurseName,
      password: TEST_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    return browser;
  }

  it('runs two separate processes', () => {
    expect(one.child.pid).not.toBe(other.child.pid);
    expect(one.url).not.toBe(other.url);
  });

  it('accepts on one process a session made on the other, for reads and writes', async () => {
    const browser = await signedInNurse(one);
    const me = await browser.send(other, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe(nurseName);
    const write = await browser.send(
      other,
      'POST',
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet(),
    );
    expect(write.status).toBe(201);

    const signOut = await browser.send(other, 'POST', '/api/auth/logout');
    expect(signOut.status).toBeLessThan(300);
    expect((await browser.send(one, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses a set on one process from a session signed out on the other, storing nothing', async () => {
    const browser = await signedInNurse(one);
    const path = `/api/admissions/${admission.id}/observation-sets`;
    const takenAt = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    // One has now seen the session usable, and may leave its check to the recording statement (ADR 10).
    expect((await browser.send(one, 'POST', path, anObservationSet({ takenAt: takenAt(3) }))).status).toBe(
      201,
    );
    expect((await browser.send(other, 'POST', '/api/auth/logout')).status).toBeLessThan(300);
    const sets = () =>
      testApp.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM observation_sets WHERE admission_id = $1', [admission.id]);
    const before = await sets();
    const refused = await browser.send(one, 'POST', path, anObservationSet({ takenAt: takenAt(2) }));
    expect(refused.status).toBe(401);
    expect(await sets()).toEqual(before);
  });

  it('counts failed sign-ins across both processes', async () => {
    const username = (await aUser(testApp, ['nurse'])).username;
    const browser = new Browser();
    await browser.send(one, 'GET', '/api/app-info');
    for (let attempt = 0; attempt < MAX_FAILURES_PER_USERNAME; attempt += 1) {
      const failed = await browser.send(attempt % 2 === 0 ? one : other, 'POST', '/api/auth/login', {
        username,
        password: 'not the password',
      });
      expect(failed.status).toBe(401);
    }
    // Neither process saw the limit's worth of failures by itself; together they did.
    for (const server of [one, other]) {
      const limited = await browser.send(server, 'POST', '/api/auth/login', {
        username,
        password: TEST_PASSWORD,
      });
      expect(limited.status).toBe(429);
      expect(limited.body.type).toBe('/problems/too-many-sign-in-attempts');
    }
  });

  it('answers a retry sent to the other process with the first result, storing one set', async () => {
    const browser = await signedInNurse(one);
    const key = randomUUID();
    const body = anObservationSet({ takenAt: new Date(Date.now() - 5 * 60_000).toISOString() });
    const path = `/api/admissions/${admission.id}/observation-sets`;
    const first = await browser.send(one, 'POST', path, body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const retry = await browser.send(other, 'POST', path, body, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    const stored = await testApp.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM observation_sets WHERE idempotency_key = $1', [key]);
    expect(stored[0].n).toBe(1);
  });

  it('shows on one process’s ward board a set written through the other', async () => {
    const admission = await anInfusingAdmission();
    const browser = await signedInNurse(one);
    const takenAt = new Date(Date.now() - 60_000);
    takenAt.setMilliseconds(0);
    const written = await browser.send(
      other,
      'POST',
      `/api/admissions/${admission.id}/observation-sets`,
      anObservationSet({ takenAt: takenAt.toISOString(), sedation: '2' }),
    );
    expect(written.status).toBe(201);
    const board = await browser.send(one, 'GET', `/api/wards/${encodeURIComponent(admission.ward)}/board`);
    expect(board.status).toBe(200);
    const row = board.body.rows.find(
      (candidate: { admissionId: string }) => candidate.admissionId === admission.id,
    );
    expect(new Date(row.lastSet.takenAt).getTime()).toBe(takenAt.getTime());
    expect(row.lastSet.sedation).toBe('2');
  });
});
