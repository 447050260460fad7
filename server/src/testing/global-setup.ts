import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
// Jest loads global setup as CommonJS without moduleNameMapper, so this import has no .js suffix.
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from '../database/embedded-postgres';

declare global {
  var embeddedTestPostgres: RunningPostgres | undefined;
}

/**
 * Tests use the PostgreSQL server at TEST_DATABASE_URL, else an embedded one started here on a free
 * port with a throw-away data folder. Never the app's DATABASE_URL: it may hold real patients.
 */
export default async function globalSetup(): Promise<void> {
  delete process.env.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `infusion-tracker-test-${randomUUID()}`),
    port: await findFreePort(),
    password: 'test',
    persistent: false,
  });
  globalThis.embeddedTestPostgres = server;
  process.env.TEST_DATABASE_URL = server.url();
}
