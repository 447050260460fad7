import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  database: TestDatabase;
  config: AppConfig;
  close: () => Promise<void>;
}

/** Boots the real application, as main.ts does, on a fresh database of this test file's own. */
export async function bootTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  return bootTestAppOn(await createTestDatabase(), overrides);
}

/** The same on a database made elsewhere (closing the app drops it). */
export async function bootTestAppOn(
  database: TestDatabase,
  overrides: Record<string, string> = {},
): Promise<TestApp> {
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      DEMO_MODE: 'false',
      SESSION_SECRET: 'test-secret-'.padEnd(40, 'x'),
      COOKIE_SECURE: 'false',
      ...overrides,
    },
    process.cwd(),
  );
  const { app } = await createApp(
    {
      ...config,
      clientDir: overrides.CLIENT_DIR ?? null,
      chartRenderer: overrides.CHART_RENDERER ?? null,
      pageRenderer: overrides.PAGE_RENDERER ?? null,
    },
    database.url,
  );
  return {
    app,
    http: app.getHttpServer(),
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
