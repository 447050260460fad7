import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { describeDatabaseUrl } from '../config/app-config.js';
import {
  findClientTool,
  libpqEnvironment,
  serverMajorOf,
  tablesIn,
  targetDatabaseUrl,
} from './postgres-client-tools.js';

const USAGE = `Restores a backup made by npm run db:backup into an EMPTY database (it never overwrites records).
  createdb infusion_restored     # or CREATE DATABASE on a managed server
  npm run db:restore -- backups/infusion-tracker-2026-11-28.dump --database-url postgres://user:pass@host:5432/infusion_restored
The database is --database-url, else DATABASE_URL, else the embedded one of a running \`npm start\`.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'database-url': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) throw new Error(`give the backup file.\n\n${USAGE}`);
  const file = path.resolve(positionals[0]);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const url = targetDatabaseUrl(values['database-url']);
  const pgRestore = findClientTool('pg_restore', await serverMajorOf(url));
  const existing = await tablesIn(url);
  if (existing.length > 0) {
    throw new Error(
      `${describeDatabaseUrl(url)} already has ${existing.length} table(s) (${existing.slice(0, 3).join(', ')}...). ` +
        'A restore goes into a new, empty database so that no record is overwritten: create one and point --database-url at it.',
    );
  }
  const env = libpqEnvironment(url);
  await promisify(execFile)(
    pgRestore.path,
    // One transaction: a restore that fails leaves the database empty, not half-filled.
    [
      '--no-owner',
      '--no-privileges',
      '--no-comments',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${env.PGDATABASE}`,
      file,
    ],
    { env: { ...process.env, ...env } },
  );
  const restored = await tablesIn(url);
  process.stdout.write(`Restored ${file} into ${describeDatabaseUrl(url)} (${restored.length} tables).\n`);
}

main().catch((error: unknown) => {
  const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
  process.stderr.write(`db:restore: ${message}\n`);
  process.exit(1);
});
