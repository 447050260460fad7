import 'reflect-metadata';
import { loadConfig, ConfigError, describeDatabaseUrl } from './config/app-config.js';
import { createApp } from './create-app.js';
import { openDatabaseServer, DatabaseUnreachable, type DatabaseServer } from './database/database-server.js';
import { EmbeddedPostgresError } from './database/embedded-postgres.js';
import { runMigrations } from './database/data-source.js';
import { seedDemoDataIfEmpty } from './demo/demo-seed.js';
import { createLogger } from './common/logger.js';

/** Expected start-up failures end with one clear line and a non-zero exit code, not a stack trace. */
const EXPECTED_FAILURES = [ConfigError, DatabaseUnreachable, EmbeddedPostgresError];

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let database: DatabaseServer | null = null;
  try {
    database = await openDatabaseServer(config, (line) => log.debug({ component: 'postgres' }, line));
    const ran = await runMigrations(database.url);
    if (ran.length > 0) log.info({ migrations: ran }, `ran ${ran.length} migration(s)`);
    if (config.demoMode) await seedDemoDataIfEmpty(database.url, config, log);

    const { app } = await createApp(config, database.url);
    const port = await listen(app.getHttpAdapter().getInstance(), config.port, config.host);
    announce(config, port, database);
    handleShutdown(async () => {
      await app.close(); // stops accepting, waits for in-flight requests
      await database?.stop();
    });
  } catch (error) {
    await database?.stop().catch(() => undefined);
    throw error;
  }
}

/** Listens and resolves with the port bound (PORT=0 asks the system for a free one). */
async function listen(
  fastify: { listen: (options: { port: number; host: string }) => Promise<string> },
  port: number,
  host: string,
): Promise<number> {
  const address = await fastify.listen({ port, host }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new ConfigError(`Port ${port} is already in use: set PORT to a free port.`);
    throw error;
  });
  return Number(new URL(address).port);
}

function announce(config: ReturnType<typeof loadConfig>, port: number, database: DatabaseServer): void {
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const lines = [
    '',
    `infusion-tracker is running at http://${shownHost}:${port}/`,
    `  API docs: http://${shownHost}:${port}/api/docs`,
    database.embedded
      ? `  Database: embedded PostgreSQL on port ${config.embeddedPostgres.port} (data in ${config.embeddedPostgres.dataDir})`
      : `  Database: PostgreSQL at ${describeDatabaseUrl(database.url)} (DATABASE_URL)`,
  ];
  if (config.demoMode) {
    lines.push('  Demo mode: sign in as nurse, prescriber, auditor or admin, password infusion-demo');
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

function handleShutdown(shutdown: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`Received ${signal}: finishing requests and stopping.\n`);
      shutdown().then(
        () => process.exit(0),
        (error) => {
          process.stderr.write(`Shutdown failed: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  if (EXPECTED_FAILURES.some((kind) => error instanceof kind)) {
    process.stderr.write(`infusion-tracker: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(`infusion-tracker failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
