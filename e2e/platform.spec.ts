import type { APIResponse } from '@playwright/test';
import { xsrfHeaders } from './api';
import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';

// The platform under every journey: the built client served by the API process, health, and errors
// as RFC 9457 problem details.

test('serves the app, which asks a visitor to sign in', async ({ page, signInPage }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  await page.goto('/');

  await expect(signInPage.heading).toBeVisible();
  await expect(signInPage.appName).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the sign-in page');
  expect(pageErrors).toEqual([]);
});

test('shows the top bar with the app name to a signed-in user', async ({ nursePage, shell }) => {
  await nursePage.goto('/');

  await expect(shell.topBar).toContainText('Infusion tracker');
  await expect(shell.navigation).toBeVisible();
  await expectNoSeriousAxeViolations(nursePage, 'the app shell');
});

test('reports the API and its database healthy', async ({ request }) => {
  const response = await request.get('/api/health');

  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
});

test('answers an unknown API route with a problem+json 404', async ({ request }) => {
  const response = await request.get('/api/no-such-resource');

  await expectProblem(response, 404);
  expect(await response.json()).toMatchObject({
    type: '/problems/not-found',
    title: expect.any(String),
    status: 404,
    instance: '/api/no-such-resource',
    requestId: expect.any(String),
  });
});

test('answers a field of the wrong type with a problem+json 400 naming each bad field', async ({
  request,
}) => {
  const response = await request.post('/api/auth/login', {
    data: { username: 5 },
    headers: await xsrfHeaders(request),
  });

  await expectProblem(response, 400);
  const problem = await response.json();
  expect(problem).toMatchObject({ type: '/problems/validation-failed', status: 400 });
  expect(fieldsOf(problem)).toEqual(expect.arrayContaining(['username', 'password']));
});

test('rejects a field the API does not know with a problem+json 400 naming it', async ({ request }) => {
  const response = await request.post('/api/auth/login', {
    data: { username: 'nurse', password: 'infusion-demo', rememberMe: true },
    headers: await xsrfHeaders(request),
  });

  await expectProblem(response, 400);
  const problem = await response.json();
  expect(problem).toMatchObject({ type: '/problems/validation-failed', status: 400 });
  expect(fieldsOf(problem)).toEqual(['rememberMe']);
});

async function expectProblem(response: APIResponse, status: number): Promise<void> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
}

/** The fields a validation problem names; every entry must carry at least one message. */
function fieldsOf(problem: { errors?: { field: string; messages: string[] }[] }): string[] {
  const errors = problem.errors ?? [];
  for (const error of errors) expect(error.messages.length, `messages for ${error.field}`).toBeGreaterThan(0);
  return errors.map((error) => error.field);
}
