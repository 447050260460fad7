import pg from 'pg';
import { ApiClient, aUser, TEST_PASSWORD } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

describe('managing users', () => {
  let testApp: TestApp;
  let db: pg.Client;
  let admin: ApiClient;

  beforeAll(async () => {
    testApp = await bootTestApp();
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    admin = await ApiClient.signedIn(testApp, (await aUser(testApp, ['admin'])).username);
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
  });

  it('creates a user who must change the temporary password at first sign-in', async () => {
    const created = await admin.post('/api/users', {
      username: 'jsmith',
      displayName: 'Jo Smith (RN)',
      roles: ['nurse', 'prescriber'],
      password: 'temporary password 1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'jsmith',
      roles: ['nurse', 'prescriber'],
      active: true,
      mustChangePassword: true,
    });
    const stored = await db.query('SELECT password_hash FROM users WHERE id = $1', [created.body.id]);
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const jo = await ApiClient.signedIn(testApp, 'jsmith', 'temporary password 1');
    expect((await jo.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
  });

  it.each([
    [
      { username: 'Bad Name!', displayName: 'x', roles: ['nurse'], password: 'a long enough password' },
      'username',
    ],
    [
      { username: 'okname', displayName: 'x', roles: ['surgeon'], password: 'a long enough password' },
      'roles',
    ],
    [{ username: 'okname', displayName: 'x', roles: [], password: 'a long enough password' }, 'roles'],
    [{ username: 'okname', displayName: 'x', roles: ['nurse'], password: 'short' }, 'password'],
    [{ username: 'okname', displayName: 'x', roles: ['nurse'], password: 'qwertyuiop12' }, 'password'],
    [
      { username: 'okname', displayName: '', roles: ['nurse'], password: 'a long enough password' },
      'displayName',
    ],
    [
      {
        username: 'okname',
        displayName: 'x',
        roles: ['nurse'],
        password: 'a long enough password',
        isSuperuser: true,
      },
      'isSuperuser',
    ],
  ])('rejects %j naming %s, storing nothing', async (body, field) => {
    const response = await admin.post('/api/users', body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect((await db.query("SELECT count(*)::int AS n FROM users WHERE username = 'okname'")).rows[0].n).toBe(
      0,
    );
  });

  it('changes roles, and the change takes effect on the next request', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, nurse.username);
    expect((await client.get('/api/audit-events')).status).toBe(403);
    const updated = await admin.patch(`/api/users/${nurse.id}`, { roles: ['nurse', 'auditor'] });
    expect(updated.status).toBe(200);
    expect(updated.body.roles).toEqual(['nurse', 'auditor']);
    expect((await client.get('/api/audit-events')).status).toBe(200);
    const audit = await db.query(
      "SELECT change FROM audit_events WHERE action = 'user.updated' AND entity_id = $1",
      [nurse.id],
    );
    expect(audit.rows[0].change).toMatchObject({
      before: { roles: ['nurse'] },
      after: { roles: ['nurse', 'auditor'] },
    });
  });

  it('deactivates (never deletes) a user and ends their sessions', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, nurse.username);
    expect((await admin.patch(`/api/users/${nurse.id}`, { active: false })).body.active).toBe(false);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const again = await (
      await ApiClient.anonymous(testApp)
    ).post('/api/auth/login', { username: nurse.username, password: TEST_PASSWORD });
    expect(again.status).toBe(401);
    const list = await admin.get('/api/users');
    expect(list.body.items.find((user: { id: string }) => user.id === nurse.id)).toMatchObject({
      active: false,
    });
    expect((await admin.patch(`/api/users/${nurse.id}`, { active: true })).body.active).toBe(true);
    await ApiClient.signedIn(testApp, nurse.username);
  });

  it('resets a password: old sessions end and the user must choose a new one', async () => {
    const nurse = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, nurse.username);
    expect(
      (await admin.post(`/api/users/${nurse.id}/reset-password`, { password: 'temporary again 42' })).status,
    ).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const fresh = await ApiClient.signedIn(testApp, nurse.username, 'temporary again 42');
    expect((await fresh.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect(
      (await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { active: false })).status,
    ).toBe(404);
    expect((await admin.patch('/api/users/not-a-uuid', { active: false })).status).toBe(400);
  });
});
