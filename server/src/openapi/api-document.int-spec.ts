import { readFileSync } from 'node:fs';
import request from 'supertest';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

// The client's types are generated from docs/openapi.json, which the export writes without a database
// (Nest's preview mode). This holds the export to the description the running server publishes.
describe('the committed OpenAPI description', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await bootTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('is the one the running server publishes (regenerate with npm run api:types)', async () => {
    const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));
    const served = (await request(testApp.http).get('/api/docs-json').expect(200)).body;
    expect(served).toEqual(committed);
    expect(Object.keys(served.paths).length).toBeGreaterThan(40);
  });
});
