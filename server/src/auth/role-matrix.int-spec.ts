import request from 'supertest';
import { ApiClient, aUser } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { ROLES, type Role } from './roles.js';

type Access = 'public' | 'signed-in' | Role[];

interface Endpoint {
  method: 'get' | 'post' | 'patch';
  path: string;
  access: Access;
  /** A valid request for a freshly made user of the role under test. */
  call: (client: ApiClient, context: { targetUserId: string; unique: string }) => Promise<{ status: number }>;
}

/**
 * Every endpoint of the API with who may use it (the role table of the sign-in issue). A new endpoint
 * that is not listed here fails the first test below, so nobody forgets to decide.
 */
const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/api/health', access: 'public', call: (c) => c.get('/api/health') },
  { method: 'get', path: '/api/app-info', access: 'public', call: (c) => c.get('/api/app-info') },
  {
    method: 'post',
    path: '/api/auth/login',
    access: 'public',
    call: (c) => c.post('/api/auth/login', { username: 'x', password: 'y' }),
  },
  { method: 'post', path: '/api/auth/logout', access: 'signed-in', call: (c) => c.post('/api/auth/logout') },
  { method: 'get', path: '/api/auth/me', access: 'signed-in', call: (c) => c.get('/api/auth/me') },
  {
    method: 'post',
    path: '/api/auth/change-password',
    access: 'signed-in',
    call: (c) =>
      c.post('/api/auth/change-password', {
        currentPassword: 'correct horse battery',
        newPassword: 'another fine passphrase',
      }),
  },
  { method: 'get', path: '/api/users', access: ['admin'], call: (c) => c.get('/api/users') },
  {
    method: 'post',
    path: '/api/users',
    access: ['admin'],
    call: (c, { unique }) =>
      c.post('/api/users', {
        username: `made-${unique}`,
        displayName: 'Made',
        roles: ['nurse'],
        password: 'a long enough password',
      }),
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    access: ['admin'],
    call: (c, { targetUserId }) => c.patch(`/api/users/${targetUserId}`, { displayName: 'Renamed' }),
  },
  {
    method: 'post',
    path: '/api/users/{id}/reset-password',
    access: ['admin'],
    call: (c, { targetUserId }) =>
      c.post(`/api/users/${targetUserId}/reset-password`, { password: 'a temporary password' }),
  },
  {
    method: 'get',
    path: '/api/audit-events',
    access: ['admin', 'auditor'],
    call: (c) => c.get('/api/audit-events'),
  },
  {
    method: 'get',
    path: '/api/exports/audit-events.csv',
    access: ['admin', 'auditor'],
    call: (c) => c.get('/api/exports/audit-events.csv'),
  },
];

describe('who may call what', () => {
  let testApp: TestApp;
  let counter = 0;

  beforeAll(async () => {
    testApp = await bootTestApp();
  });
  afterAll(() => testApp.close());

  it('lists every endpoint the API publishes, so each has a decided role', async () => {
    const document = (await request(testApp.http).get('/api/docs-json')).body;
    const published = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(published.sort()).toEqual(
      ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort(),
    );
  });

  it.each(ENDPOINTS.filter((endpoint) => endpoint.access !== 'public'))(
    'refuses $method $path to an anonymous caller with 401',
    async (endpoint) => {
      const anonymous = await ApiClient.anonymous(testApp);
      const response = await endpoint.call(anonymous, {
        targetUserId: '00000000-0000-4000-8000-000000000000',
        unique: 'anon',
      });
      expect(response.status).toBe(401);
    },
  );

  const cases = ENDPOINTS.filter((endpoint) => endpoint.access !== 'public').flatMap((endpoint) =>
    ROLES.map((role) => ({
      ...endpoint,
      role,
      allowed: endpoint.access === 'signed-in' || endpoint.access.includes(role),
    })),
  );

  it.each(cases)('$method $path as $role: allowed $allowed', async ({ call, role, allowed }) => {
    counter += 1;
    const caller = await aUser(testApp, [role]);
    const target = await aUser(testApp, ['nurse']);
    const client = await ApiClient.signedIn(testApp, caller.username);
    const response = await call(client, { targetUserId: target.id, unique: `${role}-${counter}` });
    if (allowed) {
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
    } else {
      expect(response.status).toBe(403);
    }
  });
});
