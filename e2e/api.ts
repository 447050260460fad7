import { expect, type APIRequestContext } from '@playwright/test';

/**
 * What the tests ask of the API directly. CSRF protection is double-submit: the server sets a readable
 * XSRF-TOKEN cookie and every POST must echo it in the X-XSRF-TOKEN header, as the Angular client does.
 */
export async function xsrfHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  let token = await xsrfCookie(request);
  if (!token) {
    await request.get('/api/app-info');
    token = await xsrfCookie(request);
  }
  if (!token) throw new Error('The server set no XSRF-TOKEN cookie on GET /api/app-info.');
  return { 'X-XSRF-TOKEN': token };
}

/** Signs in with the cookies of `request`; with `page.request` the page is signed in too. */
export async function signInThroughApi(
  request: APIRequestContext,
  username: string,
  password: string,
): Promise<void> {
  const response = await request.post('/api/auth/login', {
    data: { username, password },
    headers: await xsrfHeaders(request),
  });
  await expect(response, `sign-in as ${username} through the API`).toBeOK();
}

async function xsrfCookie(request: APIRequestContext): Promise<string | undefined> {
  const { cookies } = await request.storageState();
  return cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
}
