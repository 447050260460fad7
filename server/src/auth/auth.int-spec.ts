import pg from 'pg';
import request from 'supertest';
import { ApiClient, aUser, TEST_PASSWORD } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('signing in and out', () => {
  let testApp: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    testApp = await bootTestApp({ SESSION_IDLE_MINUTES: '15' });
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  const auditActions = async (username: string) =>
    (
      await db.query("SELECT action FROM audit_events WHERE change->>'username' = $1 ORDER BY id", [username])
    ).rows.map((row) => row.action);

  it('signs in with the right password and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.anonymous(testApp);
    const response = await client
      .post('/api/auth/login', { username: nurse.username, password: TEST_PASSWORD })
      .then((r) => r);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      id: nurse.id,
      username: nurse.username,
      roles: ['nurse'],
      mustChangePassword: false,
    });
    expect(response.body.user).not.toHaveProperty('passwordHash');
    const cookies = ([] as string[]).concat(response.headers['set-cookie']);
    const sessionCookie = cookies.find((cookie) => cookie.startsWith('sid='));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Strict/i);
    expect(cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))).not.toMatch(/HttpOnly/i);
    expect((await client.get('/api/auth/me')).body.user.username).toBe(nurse.username);
    expect(await auditActions(nurse.username)).toEqual(['auth.sign-in']);
    const audited = await db.query(
      "SELECT request_id, client_address FROM audit_events WHERE action = 'auth.sign-in' AND change->>'username' = $1",
      [nurse.username],
    );
    expect(audited.rows).toEqual([
      { request_id: response.headers['x-request-id'], client_address: expect.stringMatching(/127\.0\.0\.1/) },
    ]);
  });

  it('answers a wrong password and an unknown username the same way', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.anonymous(testApp);
    const wrongPassword = await client.post('/api/auth/login', {
      username: nurse.username,
      password: 'not the password',
    });
    const unknownUser = await client.post('/api/auth/login', {
      username: 'nobody-here',
      password: 'not the password',
    });
    const shape = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(shape(wrongPassword.body)).toEqual(shape(unknownUser.body));
    expect(wrongPassword.body.detail).toBe('Username or password is incorrect.');
    expect(await auditActions(nurse.username)).toEqual(['auth.sign-in-failed']);
    expect(await auditActions('nobody-here')).toEqual(['auth.sign-in-failed']);
  });

  it('refuses the 6th rapid failed attempt with 429 and Retry-After, even with the right password', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.anonymous(testApp);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(
        (await client.post('/api/auth/login', { username: nurse.username, password: 'wrong wrong wrong' }))
          .status,
      ).toBe(401);
    }
    const refused = await client.post('/api/auth/login', {
      username: nurse.username,
      password: TEST_PASSWORD,
    });
    expect(refused.status).toBe(429);
    expect(refused.body.type).toBe('/problems/too-many-sign-in-attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect((await auditActions(nurse.username)).slice(-1)).toEqual(['auth.sign-in-refused']);
  });

  it('limits an unknown username exactly like a known one', async () => {
    const client = await ApiClient.anonymous(testApp);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await client.post('/api/auth/login', { username: 'ghost-user', password: 'wrong wrong wrong' });
    }
    expect(
      (await client.post('/api/auth/login', { username: 'ghost-user', password: 'whatever' })).status,
    ).toBe(429);
  });

  it('ends a session left idle past the timeout', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, nurse.username);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await db.query("UPDATE sessions SET last_seen_at = now() - interval '16 minutes' WHERE user_id = $1", [
      nurse.id,
    ]);
    const expired = await client.get('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.type).toBe('/problems/session-expired');
  });

  it('restarts the idle clock once when many requests of one session arrive together', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, nurse.username);
    await db.query("UPDATE sessions SET last_seen_at = now() - interval '14 minutes' WHERE user_id = $1", [
      nurse.id,
    ]);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => client.get('/api/auth/me').then((response) => response.status)),
    );
    expect(statuses).toEqual(Array(12).fill(200));
    const { rows } = await db.query(
      "SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM sessions WHERE user_id = $1",
      [nurse.id],
    );
    expect(rows).toEqual([{ fresh: true }]);
  });

  it('keeps a session in use alive and ends it at its absolute lifetime', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, nurse.username);
    await db.query("UPDATE sessions SET last_seen_at = now() - interval '14 minutes' WHERE user_id = $1", [
      nurse.id,
    ]);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const { rows } = await db.query(
      "SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM sessions WHERE user_id = $1",
      [nurse.id],
    );
    expect(rows[0].fresh).toBe(true);
    await db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [
      nurse.id,
    ]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('revokes the session at sign-out so the old cookie stops working at once', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, nurse.username);
    const sessionToken = client.cookie('sid');
    const replay = () => request(testApp.http).get('/api/auth/me').set('cookie', `sid=${sessionToken}`);
    expect((await replay()).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    // A copy of the old cookie, replayed by hand, no longer works either.
    expect((await replay()).status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const after = await db.query(
      'SELECT revoked_at IS NOT NULL AS revoked FROM sessions WHERE user_id = $1',
      [nurse.id],
    );
    expect(after.rows[0].revoked).toBe(true);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    await ApiClient.signedIn(testApp, nurse.username);
    const anonymous = await request(testApp.http)
      .post('/api/auth/login')
      .send({ username: nurse.username, password: TEST_PASSWORD });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.type).toBe('/problems/csrf-rejected');
    const client = await ApiClient.signedIn(testApp, nurse.username);
    const forged = await client.post('/api/auth/logout', {}, { 'X-XSRF-TOKEN': 'forged-token-value' });
    expect(forged.status).toBe(403);
  });

  it('validates the sign-in body and names the fields', async () => {
    const client = await ApiClient.anonymous(testApp);
    const response = await client.post('/api/auth/login', { username: 5, extra: true });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'extra']));
  });

  it('makes a user with a temporary password change it before anything else', async () => {
    const nurse = await aUser(testApp, ['nurse'], { mustChangePassword: true });
    const client = await ApiClient.signedIn(testApp, nurse.username);
    expect((await client.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    const blocked = await client.get('/api/audit-events');
    expect(blocked.status).toBe(403);

    const tooShort = await client.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors).toEqual([
      { field: 'newPassword', messages: ['newPassword must be at least 12 characters long'] },
    ]);
    const common = await client.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Password1234',
    });
    expect(common.body.errors[0].messages[0]).toMatch(/too common/);
    const wrongCurrent = await client.post('/api/auth/change-password', {
      currentPassword: 'nope nope nope',
      newPassword: 'a brand new passphrase',
    });
    expect(wrongCurrent.body.errors[0].field).toBe('currentPassword');

    expect(
      (
        await client.post('/api/auth/change-password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'a brand new passphrase',
        })
      ).status,
    ).toBe(204);
    expect((await client.get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
    await ApiClient.signedIn(testApp, nurse.username, 'a brand new passphrase');
  });
});
