import request from 'supertest';
import type { Response } from 'supertest';
import type { TestApp } from './test-app.js';
import { UsersService } from '../users/users.service.js';
import type { Role } from '../auth/roles.js';
import type { User } from '../users/user.entity.js';

export type ApiTarget = Pick<TestApp, 'http'> | { http: string };

/**
 * A browser-like client for integration tests: keeps cookies and sends the XSRF-TOKEN cookie back as
 * X-XSRF-TOKEN on writes, as Angular's HttpClient does.
 */
export class ApiClient {
  private readonly agent: ReturnType<typeof request.agent>;
  private readonly cookies = new Map<string, string>();

  /** The app in this process, or a server process's URL (`{ http: 'http://127.0.0.1:port' }`). */
  constructor(testApp: ApiTarget) {
    this.agent = request.agent(testApp.http);
  }

  static async anonymous(testApp: ApiTarget): Promise<ApiClient> {
    const client = new ApiClient(testApp);
    await client.get('/api/app-info');
    return client;
  }

  static async signedIn(testApp: ApiTarget, username: string, password = TEST_PASSWORD): Promise<ApiClient> {
    const client = await ApiClient.anonymous(testApp);
    const response = await client.post('/api/auth/login', { username, password });
    if (response.status !== 200)
      throw new Error(`sign-in as ${username} failed: ${response.status} ${response.text}`);
    return client;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.track(this.agent.get(path).set(headers));
  }

  post(path: string, body?: object, headers: Record<string, string> = {}): Promise<Response> {
    return this.track(this.withXsrf(this.agent.post(path), headers).send(body ?? {}));
  }

  patch(path: string, body: object): Promise<Response> {
    return this.track(this.withXsrf(this.agent.patch(path), {}).send(body));
  }

  put(path: string, body: object): Promise<Response> {
    return this.track(this.withXsrf(this.agent.put(path), {}).send(body));
  }

  /** The latest value the server set for a cookie (the agent sends them back by itself). */
  cookie(name: string): string | null {
    return this.cookies.get(name) ?? null;
  }

  private withXsrf<T extends { set: (name: string, value: string) => T }>(
    test: T,
    headers: Record<string, string>,
  ): T {
    const xsrf = this.cookie('XSRF-TOKEN');
    let result = xsrf ? test.set('X-XSRF-TOKEN', xsrf) : test;
    for (const [name, value] of Object.entries(headers)) result = result.set(name, value);
    return result;
  }

  private async track(pending: PromiseLike<Response>): Promise<Response> {
    const response = await pending;
    const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    for (const line of setCookies) {
      const match = /^([^=]+)=([^;]*)/.exec(line);
      if (match) this.cookies.set(match[1], decodeURIComponent(match[2]));
    }
    return response;
  }
}

export const TEST_PASSWORD = 'correct horse battery';

let counter = 0;

/** A user of the given roles, created through the real service, ready to sign in. */
export async function aUser(
  testApp: TestApp,
  roles: Role[],
  overrides: { username?: string; password?: string; mustChangePassword?: boolean } = {},
): Promise<User> {
  counter += 1;
  return testApp.app.get(UsersService).create(null, {
    username: overrides.username ?? `${roles.join('-')}-${process.pid}-${counter}`,
    displayName: `Test ${roles.join(' and ')} ${counter}`,
    roles,
    password: overrides.password ?? TEST_PASSWORD,
    mustChangePassword: overrides.mustChangePassword ?? false,
  });
}
