import { parseArgs } from 'node:util';
import { checkDatabaseUrl, ConfigError, describeDatabaseUrl, loadConfig } from '../config/app-config.js';
import { DatabaseUnreachable, openDatabaseServer } from '../database/database-server.js';
import { EmbeddedPostgresError } from '../database/embedded-postgres.js';
import { ForeignDataError, generateSyntheticData } from './synthetic-data.js';

const USAGE = `Fills a database with a synthetic, deterministic history (for benchmarks and reports).
  npm run db:synthetic -- --years 10
Options:
  --years N             years of past admissions, about 1000 a year (default 10; 0 for only the ward)
  --ward-admissions N   open admissions on the ward now, for the ward board (default 40)
  --ward NAME           that ward (default WARD_NAME, else "Pain Medicine Unit")
  --seed N              seed of the generator (default 20261125); the same seed and --now give the same data
  --now ISO-8601        when the history ends (default: now)
  --database-url URL    the target (default DATABASE_URL, else the embedded PostgreSQL of npm start)
  --force               write even into a database holding data the generator did not make
It refuses a database with users or admissions it did not make: never point it at real patients.`;

function fail(message: string): never {
  process.stderr.write(`db:synthetic: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) fail(`--${name} must be a whole number from 0 to ${max}.`);
  return Number(raw);
}

const { values } = parseArgs({
  options: {
    years: { type: 'string' },
    'ward-admissions': { type: 'string' },
    ward: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
    'database-url': { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const years = values.years === undefined ? 10 : Number(values.years);
if (!Number.isFinite(years) || years < 0 || years > 50) fail('--years must be a number from 0 to 50.');
const now = values.now === undefined ? new Date() : new Date(values.now);
if (Number.isNaN(now.getTime())) fail('--now must be an ISO 8601 date and time.');

// Only the ward, its time zone and the embedded server's settings are read here; the session secret
// and demo mode belong to the server and do not apply.
const config = loadConfig({
  ...process.env,
  DATABASE_URL: undefined,
  DEMO_MODE: undefined,
  SESSION_SECRET: undefined,
});
const targetUrl = values['database-url'] ?? (process.env.DATABASE_URL?.trim() || null);
let stop = async () => undefined as void;
try {
  let url: string;
  if (targetUrl) {
    checkDatabaseUrl(values['database-url'] ? '--database-url' : 'DATABASE_URL', targetUrl);
    url = targetUrl;
  } else {
    const server = await openDatabaseServer(config, () => undefined);
    url = server.url;
    stop = server.stop;
  }
  process.stderr.write(`db:synthetic: filling ${describeDatabaseUrl(url)}\n`);
  const live = process.stderr.isTTY;
  const summary = await generateSyntheticData({
    url,
    years,
    wardAdmissions: wholeNumber('ward-admissions', values['ward-admissions'], 40, 500),
    ward: values.ward ?? config.wardName,
    timeZone: config.wardTimeZone,
    seed: wholeNumber('seed', values.seed, 20261125, 2 ** 32 - 1),
    force: values.force,
    now,
    onProgress: (progress) => {
      const line =
        `  ${progress.reached.toISOString().slice(0, 7)}  admissions ${progress.admissions.toLocaleString('en')}` +
        `/${progress.totalAdmissions.toLocaleString('en')}  observation sets ${progress.observationSets.toLocaleString('en')}` +
        (progress.followUps === null ? '' : `  follow-ups ${progress.followUps.toLocaleString('en')}`) +
        `  ${progress.seconds.toFixed(1)} s`;
      process.stderr.write(live ? `\r${line}\u001b[K` : `${line}\n`);
    },
  });
  if (live) process.stderr.write('\n');
  process.stdout.write(
    `Synthetic run ${summary.run}: ${summary.admissions.toLocaleString('en')} admissions ` +
      `(${summary.currentAdmissions} open now), ${summary.patients.toLocaleString('en')} patients, ` +
      `${summary.infusionOrders.toLocaleString('en')} rate orders, ${summary.infusionEvents.toLocaleString('en')} infusion events, ` +
      `${summary.observationSets.toLocaleString('en')} observation sets, ` +
      `${summary.followUps.toLocaleString('en')} follow-ups (${summary.followUpOutcomes.toLocaleString('en')} outcomes, ` +
      `${summary.followUpAttempts.toLocaleString('en')} calls, ${summary.terminalEvents} terminal events, ` +
      `${summary.followUpsDueOrOverdue} due or overdue today), ${summary.users} inactive users ` +
      `in ${summary.seconds.toFixed(1)} s.\n`,
  );
} catch (error) {
  const expected = [ForeignDataError, ConfigError, DatabaseUnreachable, EmbeddedPostgresError].some(
    (kind) => error instanceof kind,
  );
  process.stderr.write(
    `\ndb:synthetic: ${expected ? (error as Error).message : ((error as Error).stack ?? error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await stop();
}
