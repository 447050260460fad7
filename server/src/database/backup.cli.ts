import { execFile } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import {
  findClientTool,
  libpqEnvironment,
  serverMajorOf,
  targetDatabaseUrl,
} from './postgres-client-tools.js';
import { describeDatabaseUrl } from '../config/app-config.js';

const USAGE = `Writes a backup of the database in pg_dump's custom format (restore it with npm run db:restore).
  npm run db:backup                                   # to backups/infusion-tracker-<time>.dump
  npm run db:backup -- --out /safe/place/ward.dump
  npm run db:backup -- --database-url postgres://user:pass@host:5432/infusion
The database is --database-url, else DATABASE_URL, else the embedded one of a running \`npm start\`.`;

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const url = targetDatabaseUrl(values['database-url']);
  const pgDump = findClientTool('pg_dump', await serverMajorOf(url));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(values.out ?? `backups/infusion-tracker-${stamp}.dump`);
  mkdirSync(path.dirname(out), { recursive: true });
  await promisify(execFile)(
    pgDump.path,
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${out}`],
    { env: { ...process.env, ...libpqEnvironment(url) } },
  );
  process.stdout.write(
    `Backup of ${describeDatabaseUrl(url)} written to ${out} (${statSync(out).size} bytes, ${path.basename(pgDump.path)} ${pgDump.major}).\n`,
  );
}

main().catch((error: unknown) => {
  const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
  process.stderr.write(`db:backup: ${message}\n`);
  process.exit(1);
});
