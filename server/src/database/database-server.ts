import pg from 'pg';
import { type AppConfig, describeDatabaseUrl } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export const EMBEDDED_DATABASE_NAME = 'infusion_tracker';

export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** The server's database: the one DATABASE_URL names, or the embedded PostgreSQL under .data/. */
export async function openDatabaseServer(
  config: AppConfig,
  onLog: (line: string) => void,
): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ ...config.embeddedPostgres, onLog });
  try {
    await createDatabaseIfMissing(embedded.url(), EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url(EMBEDDED_DATABASE_NAME), embedded: true, stop: embedded.stop };
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachable(
      `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)}: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
