import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const root = path.resolve(__dirname, '..');
const inCi = !!process.env.CI;

/**
 * Playwright loads this file in the runner and again in every worker. The runner picks the ports and
 * the data folder and puts them in the environment, which the workers inherit, so all agree. A data
 * folder the runner made is deleted when it exits, after the web server has stopped.
 */
if (!process.env.E2E_DATA_DIR) {
  const ownDataDir = path.join(os.tmpdir(), `infusion-e2e-${randomUUID()}`);
  process.env.E2E_DATA_DIR = ownDataDir;
  process.on('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
}
const dataDir = process.env.E2E_DATA_DIR;
const port = (process.env.E2E_PORT ??= String(freePort()));
const postgresPort = (process.env.E2E_PG_PORT ??= String(freePort()));
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Chromium's flags, for the e2e suite and the benchmark alike: no sandbox (containers), no GPU, and none
 * of its own background work (updates, sync, first-run set-up) on the machine's CPUs.
 */
const chromiumArgs: string[] = JSON.parse(readFileSync(path.join(__dirname, 'chromium-args.json'), 'utf8'));

/** The system's Chromium (Debian's), unless asked for the browser Playwright downloads. */
const useBundledBrowser = process.env.PLAYWRIGHT_USE_BUNDLED_BROWSER === '1';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(root, 'test-results/e2e'),
  fullyParallel: true,
  forbidOnly: inCi,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  // CI must finish within its 20 minutes even if something hangs.
  globalTimeout: inCi ? 10 * 60_000 : undefined,
  expect: { timeout: 10_000 },
  reporter: inCi
    ? [['list'], ['json', { outputFile: path.join(root, 'test-results/e2e-results.json') }]]
    : [['list'], ['html', { outputFolder: path.join(root, 'playwright-report'), open: 'never' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: useBundledBrowser ? undefined : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: {
    // The production build (the e2e target builds it first) on a fresh embedded PostgreSQL.
    command: 'node dist/server/server/src/main.js',
    cwd: root,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      // Never a real database, whatever the calling shell has set.
      DATABASE_URL: '',
      EMBEDDED_PG_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: postgresPort,
      DEMO_MODE: 'true',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    },
  },
});

/** A port free right now on loopback; synchronous because a Playwright config cannot await. */
function freePort(): number {
  const script =
    "const s = require('node:net').createServer();" +
    "s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
