// `npm run bench`: the issue-5 performance figures in one run, printed as a table.
//   1. Recording an observation set: POST /api/admissions/:id/observation-sets at 50 connections against
//      the built app, and the same INSERT from a bare node http + pg server (the floor), on one database.
//   2. The ward board: GET /api/wards/:ward/board with 40 open admissions on a database holding
//      `--years` of synthetic history, sequential and at 10 concurrent, and its SQL alone.
//   3. The admission timeline (issue 10, bench/timeline.mjs): GET /api/admissions/:id/timeline of a 7-day
//      stay, and the page in Chromium (charts drawn after a cold load, the initial bundle in gzip bytes).
//   4. The follow-up worklist (issue 9): GET /api/follow-ups on `--years` of history with the
//      generator's follow-ups, sequential and at 10 concurrent, beside another build with --compare-dist.
//   5. The reports (issue 11, --only reports, bench/reports.mjs): the outcome report grouped by
//      indication and the service report at 5 connections, and the analysis data set as CSV, beside
//      another build with --compare-dist (whose reports must answer the same figures).
// Everything runs on loopback against an embedded PostgreSQL started here on a free port, with a
// throw-away data folder; every load is bounded in time and count. Needs the server build (dist/server),
// which `npm run bench` makes first.
/* global fetch */
import { Buffer } from 'node:buffer';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { OBSERVATION_SET } from './observation-body.mjs';
import { downloadCsv } from './reports.mjs';
import { measurePage, sevenDayAdmission } from './timeline.mjs';
import {
  canMeasureCpu,
  postgresCpuSeconds,
  processCpuSeconds,
  startNode,
  stopChild,
  waitForHttp,
} from './processes.mjs';

const USAGE = `npm run bench [-- options]
  --years N              years of synthetic history under the ward board (default 10; 1 for a quick run)
  --only record|board|timeline|worklist|reports   run one of the benchmarks
  --report-requests N    requests per report benchmark (default 200 at 5 connections; 50 sequential)
  --connections N        concurrent connections for recording sets (default 50)
  --seconds N            measured seconds per recording run (default 10), after --warmup N (default 5)
  --rounds N             recording runs per server, alternating which goes first (default 1)
  --rate N               then the app again at N requests/s offered on the same connections (default 500;
                         0 to skip): latency at a load it can carry, not at saturation
  --board-requests N     sequential board requests (default 500); --board-concurrency N (default 10)
  --app-log-level LEVEL  the app's LOG_LEVEL (default info, as in production); its log goes to a file
  --json FILE            also write the figures as JSON
  --dist DIR             a server build elsewhere (default dist/server)
  --profile-app DIR      write CPU profiles of the app (node --cpu-prof) into DIR
  --timeline-requests N  sequential timeline requests (default 300; 4 times as many at 10 connections)
  --page-loads N         cold loads of the admission page in Chromium (default 5; 0 to skip the browser)
  --client DIR           the client build the app serves (default dist/client/browser)
  --worklist-requests N  sequential worklist requests (default 300; 4 times as many at 10 connections)
  --compare-dist DIR     another server build (say, the previous commit's) measured beside this one on the
                         worklist's or the timeline's database, alternating, so that before and after share one
                         run; with --only reports, measured first on the reports' database, and both reports compared
  --compare-client DIR   the client build the compared server serves in the timeline's page loads (default: --client)`;

const { values: options } = parseArgs({
  options: {
    years: { type: 'string', default: '10' },
    only: { type: 'string' },
    connections: { type: 'string', default: '50' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '1' },
    'board-requests': { type: 'string', default: '500' },
    'board-concurrency': { type: 'string', default: '10' },
    'app-log-level': { type: 'string', default: 'info' },
    json: { type: 'string' },
    dist: { type: 'string' },
    'profile-app': { type: 'string' },
    'timeline-requests': { type: 'string', default: '300' },
    'page-loads': { type: 'string', default: '5' },
    'report-requests': { type: 'string', default: '200' },
    client: { type: 'string' },
    'worklist-requests': { type: 'string', default: '300' },
    'compare-dist': { type: 'string' },
    'compare-client': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const number = (name, min, max) => {
  const value = Number(options[name]);
  if (!Number.isFinite(value) || value < min || value > max) {
    process.stderr.write(`bench: --${name} must be a number from ${min} to ${max}.\n\n${USAGE}\n`);
    process.exit(2);
  }
  return value;
};
const settings = {
  years: number('years', 0, 50),
  connections: number('connections', 1, 500),
  rate: number('rate', 0, 100_000),
  seconds: number('seconds', 1, 120),
  warmup: number('warmup', 0, 60),
  rounds: number('rounds', 1, 5),
  boardRequests: number('board-requests', 1, 100_000),
  boardConcurrency: number('board-concurrency', 1, 200),
  timelineRequests: number('timeline-requests', 1, 100_000),
  pageLoads: number('page-loads', 0, 50),
  worklistRequests: number('worklist-requests', 1, 100_000),
  reportRequests: number('report-requests', 10, 100_000),
};
if (options.only && !['record', 'board', 'timeline', 'worklist', 'reports'].includes(options.only)) {
  process.stderr.write(`bench: --only must be record, board, timeline, worklist or reports.\n`);
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.resolve(root, options.dist ?? 'dist/server');
const mainScript = path.join(dist, 'server/src/main.js');
const fromDist = (file) => import(pathToFileURL(path.join(dist, file)).href);
if (!existsSync(mainScript) || !existsSync(path.join(dist, 'server/src/synthetic/synthetic-data.js'))) {
  process.stderr.write(
    `bench: no server build in ${dist}. Run \`npm run build\` first (\`npm run bench\` builds it).\n`,
  );
  process.exit(1);
}
const { startEmbeddedPostgres, findFreePort } = await fromDist('server/src/database/embedded-postgres.js');
const { createDatabaseIfMissing } = await fromDist('server/src/database/database-server.js');
const { generateSyntheticData } = await fromDist('server/src/synthetic/synthetic-data.js');
const { hashPassword } = await fromDist('server/src/auth/password-hasher.js');
const { wardBoardRows } = await fromDist('server/src/wards/ward-board.queries.js');

const WARD = 'Pain Medicine Unit';
const NURSE = { username: 'bench-nurse', password: randomBytes(18).toString('base64url') };
const AUDITOR = { username: 'bench-auditor', password: randomBytes(18).toString('base64url') };
const logDir = mkdtempSync(path.join(os.tmpdir(), 'infusion-tracker-bench-'));
const dataDir = path.join(os.tmpdir(), `infusion-tracker-bench-pg-${randomBytes(4).toString('hex')}`);
const cleanups = [];
/** The synthetic history, made once for the board and the reports (see historyDatabase). */
let history = null;
const progress = (line) => process.stderr.write(`bench: ${line}\n`);

let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    progress(`${signal}: stopping`);
    cleanUp().then(() => process.exit(130));
  });
}
// Whatever happens, the benchmark ends by itself.
setTimeout(() => {
  progress('still running after 30 minutes: stopping');
  cleanUp().then(() => process.exit(1));
}, 30 * 60_000).unref();

const results = {
  startedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
  },
  settings,
};
let failed = false;
try {
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    password: randomBytes(12).toString('hex'),
    persistent: false,
    onLog: () => undefined,
  });
  cleanups.push(() => postgres.stop());

  const selected = (name) => !options.only || options.only === name;
  if (selected('record')) results.record = await benchmarkRecording(postgres);
  if (selected('board')) results.board = await benchmarkBoard(postgres);
  if (selected('timeline')) results.timeline = await benchmarkTimeline(postgres);
  if (selected('worklist')) results.worklist = await benchmarkWorklist(postgres);
  if (selected('reports')) results.reports = await benchmarkReports(postgres);
  printReport(results);
  if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2));
} catch (error) {
  failed = true;
  process.stderr.write(`\nbench failed: ${error.stack ?? error}\nLogs: ${logDir}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
  if (!failed) rmSync(logDir, { recursive: true, force: true });
}

/** A database of its own on the benchmark server, filled by the synthetic-data generator. */
async function syntheticDatabase(postgres, name, years) {
  await createDatabaseIfMissing(postgres.url(), name);
  const url = postgres.url(name);
  let shown = 0;
  const summary = await generateSyntheticData({
    url,
    years,
    wardAdmissions: 40,
    ward: WARD,
    timeZone: 'Australia/Sydney',
    seed: 20261125,
    onProgress: (step) => {
      if (step.seconds - shown < 5) return;
      shown = step.seconds;
      progress(
        `  ${step.admissions}/${step.totalAdmissions} admissions, ${step.observationSets} sets, ${step.seconds.toFixed(0)} s`,
      );
    },
  });
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  cleanups.push(() => client.end());
  const nurse = await client.query(
    `INSERT INTO users (username, display_name, roles, password_hash, must_change_password, active)
     VALUES ($1, 'Benchmark nurse', ARRAY['nurse'], $2, false, true) RETURNING id`,
    [NURSE.username, await hashPassword(NURSE.password)],
  );
  const admissions = await client.query(
    `SELECT id FROM admissions WHERE ward = $1 AND status NOT IN ('discharged', 'cancelled') ORDER BY bed::int`,
    [WARD],
  );
  return {
    url,
    client,
    summary,
    nurseId: nurse.rows[0].id,
    admissionIds: admissions.rows.map((row) => row.id),
  };
}

/** The built app as `npm start` runs it, on the given database, answering on a free loopback port. */
async function startApp(databaseUrl, label, script = mainScript, clientDir = options.client) {
  const port = await findFreePort();
  const logFile = path.join(logDir, `${label}.log`);
  const logFd = openSync(logFile, 'a');
  const app = startNode(script, {
    cwd: root,
    logFd,
    nodeOptions: options['profile-app']
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options['profile-app'])}`]
      : [],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_MODE: 'false',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      COOKIE_SECURE: 'false',
      LOG_LEVEL: options['app-log-level'],
      NODE_ENV: 'production',
      WARD_NAME: WARD,
      ...(clientDir ? clientBuild(clientDir) : {}),
    },
  });
  closeSync(logFd);
  const stop = () => stopChild(app);
  cleanups.push(stop);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, app);
  } catch (error) {
    throw new Error(
      `the app did not start (${error.message}); its log:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
    );
  }
  // On a crowded machine the first requests after start-up can fail: try the sign-in three times.
  let session = null;
  for (let attempt = 1; session === null; attempt += 1) {
    try {
      session = await signIn(`http://127.0.0.1:${port}`);
    } catch (error) {
      if (attempt === 3) throw error;
      progress(`sign-in failed (${error.cause?.code ?? error.message}); trying again`);
      await sleep(2000);
    }
  }
  return { port, pid: app.child.pid, stop, session };
}

/** Signs the benchmark nurse in as the browser does: session cookie plus the XSRF token echoed in a header. */
async function signIn(base, user = NURSE) {
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const match = /^([^=]+)=([^;]*)/.exec(line);
      if (match) jar.set(match[1], match[2]);
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  keep(await fetch(`${base}/api/app-info`));
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookie(),
      'x-xsrf-token': decodeURIComponent(jar.get('XSRF-TOKEN') ?? ''),
    },
    body: JSON.stringify(user),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  keep(response);
  return { cookie: cookie(), xsrf: decodeURIComponent(jar.get('XSRF-TOKEN')) };
}

/**
 * Runs load.mjs in its own process against one server; adds the CPU time the server and PostgreSQL spent
 * per request during the measured window, and PostgreSQL transactions per request.
 */
async function load(job, { serverPid, database }) {
  // Every run starts from the same state, as pgbench does: the previous runs' rows vacuumed and
  // flushed, so that neither autovacuum nor a checkpoint they triggered lands inside this one. After a
  // checkpoint, the first change to each page writes the whole page to the WAL (many, with random uuid
  // keys): the warm-up (5 s by default) absorbs that burst.
  await database.query('VACUUM (ANALYZE) observation_sets, audit_events');
  await database.query('CHECKPOINT');
  const transactions = async () => {
    await sleep(1100); // backends report their statistics at most once a second
    const { rows } = await database.query(
      'SELECT xact_commit + xact_rollback AS count FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].count);
  };
  const transactionsBefore = await transactions();
  const child = fork(fileURLToPath(new URL('./load.mjs', import.meta.url)), { stdio: 'inherit' });
  const cpu = {};
  const sample = () => ({ server: processCpuSeconds(serverPid), postgres: postgresCpuSeconds(dataDir) });
  const result = await new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'measuring') cpu.start = sample();
      else if (message.type === 'result') {
        cpu.end = sample();
        resolve(message.result);
      } else if (message.type === 'error') reject(new Error(message.message));
    });
    child.once('exit', (code) => code !== 0 && reject(new Error(`load.mjs exited with code ${code}`)));
    child.send(job);
  });
  const transactionsAfter = await transactions();
  const perRequest = (seconds) => (canMeasureCpu ? (seconds * 1000) / result.requests : null);
  return {
    ...result,
    serverCpuMsPerRequest: perRequest(cpu.end.server - cpu.start.server),
    postgresCpuMsPerRequest: perRequest(cpu.end.postgres - cpu.start.postgres),
    postgresTransactionsPerRequest: (transactionsAfter - transactionsBefore - 1) / result.totalSent,
  };
}

async function benchmarkRecording(postgres) {
  progress('recording: a fresh database with 40 open admissions');
  const database = await syntheticDatabase(postgres, 'bench_record', 0);
  const floorPort = await findFreePort();
  const floorLog = openSync(path.join(logDir, 'floor.log'), 'a');
  const floor = startNode(fileURLToPath(new URL('./floor-server.mjs', import.meta.url)), {
    cwd: root,
    logFd: floorLog,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(floorPort),
      RECORDED_BY: database.nurseId,
      SERVER_DIST: dist,
    },
  });
  closeSync(floorLog);
  cleanups.push(() => stopChild(floor));
  await waitForHttp(`http://127.0.0.1:${floorPort}/health`, floor);
  const app = await startApp(database.url, 'app-record');

  const body = JSON.stringify(OBSERVATION_SET);
  const paths = database.admissionIds.map((id) => `/api/admissions/${id}/observation-sets`);
  const job = (port, headers, prefix, pathPrefix = '', rate = null) => ({
    port,
    method: 'POST',
    paths: paths.map((path) => pathPrefix + path),
    headers: { 'content-type': 'application/json', ...headers },
    body,
    idempotencyPrefix: prefix,
    connections: settings.connections,
    warmupSeconds: settings.warmup,
    seconds: settings.seconds,
    maxRequests: null,
    expectStatus: 201,
    rate,
  });
  const appHeaders = { cookie: app.session.cookie, 'x-xsrf-token': app.session.xsrf };
  const targets = {
    floor: () =>
      load(job(floorPort, {}, 'bench-floor'), { serverPid: floor.child.pid, database: database.client }),
    floorAudited: () =>
      load(job(floorPort, {}, 'bench-floor', '/with-audit'), {
        serverPid: floor.child.pid,
        database: database.client,
      }),
    app: () =>
      load(job(app.port, appHeaders, 'bench-app'), { serverPid: app.pid, database: database.client }),
    appAtRate: () =>
      load(job(app.port, appHeaders, 'bench-app', '', settings.rate), {
        serverPid: app.pid,
        database: database.client,
      }),
  };
  const runs = { floor: [], floorAudited: [], app: [] };
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = ['floor', 'floorAudited', 'app'];
    for (const name of round % 2 === 0 ? order : order.reverse()) {
      progress(
        `recording: ${name}, ${settings.connections} connections, ${settings.warmup} + ${settings.seconds} s`,
      );
      runs[name].push(await targets[name]());
    }
  }
  if (settings.rate > 0) {
    progress(`recording: app at ${settings.rate} requests/s offered, ${settings.connections} connections`);
    runs.appAtRate = [await targets.appAtRate()];
  }
  const stored = await database.client.query(
    `SELECT count(*) FILTER (WHERE idempotency_key LIKE 'bench-floor-%')::int AS floor,
            count(*) FILTER (WHERE idempotency_key LIKE 'bench-app-%')::int AS app FROM observation_sets`,
  );
  await app.stop();
  await stopChild(floor);
  return { runs, stored: stored.rows[0], admissions: database.admissionIds.length };
}

/** The `--years` of synthetic history, made once for the board and the reports. */
function historyDatabase(postgres) {
  history ??= syntheticDatabase(postgres, 'bench_history', settings.years);
  return history;
}

/**
 * A GET read measured twice on a running app: one connection, then `concurrency` at once (four times the
 * requests), each after 50 warm-up requests and within 60 s.
 */
async function loadRead(app, database, { name, path, headers, requests, concurrency }) {
  const job = (connections, maxRequests) => ({
    port: app.port,
    method: 'GET',
    paths: [path],
    headers,
    body: null,
    idempotencyPrefix: null,
    connections,
    warmupRequests: 50,
    seconds: 60,
    maxRequests,
    expectStatus: 200,
  });
  const context = { serverPid: app.pid, database: database.client };
  progress(`${name}: ${requests} sequential requests`);
  const sequential = await load(job(1, requests), context);
  progress(`${name}: ${concurrency} concurrent connections`);
  const concurrent = await load(job(concurrency, requests * 4), context);
  return { sequential, concurrent };
}

async function benchmarkBoard(postgres) {
  progress(`board: generating ${settings.years} years of synthetic history`);
  const database = await historyDatabase(postgres);
  progress(`board: generated in ${database.summary.seconds.toFixed(1)} s`);
  const app = await startApp(database.url, 'app-board');
  const boardPath = `/api/wards/${encodeURIComponent(WARD)}/board`;
  const headers = { cookie: app.session.cookie };
  const check = await fetch(`http://127.0.0.1:${app.port}${boardPath}`, { headers });
  const rows = (await check.json()).rows?.length;
  if (check.status !== 200 || rows !== 40)
    throw new Error(`the board answered ${check.status} with ${rows} rows, not 40`);

  const { sequential, concurrent } = await loadRead(app, database, {
    name: 'board',
    path: boardPath,
    headers,
    requests: settings.boardRequests,
    concurrency: settings.boardConcurrency,
  });
  await app.stop();

  progress('board: its SQL alone, 200 times');
  // What wardBoardRows needs of a TypeORM manager: the app runs it as a named prepared statement.
  const manager = {
    query: (sql, parameters) => database.client.query(sql, parameters).then((result) => result.rows),
    connection: { logger: { logQuery: () => undefined }, driver: { master: database.client } },
  };
  for (let index = 0; index < 20; index += 1) await wardBoardRows(manager, WARD);
  const times = [];
  for (let index = 0; index < 200; index += 1) {
    const started = performance.now();
    await wardBoardRows(manager, WARD);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.ceil((p / 100) * times.length) - 1];
  const counts = await database.client.query(
    `SELECT (SELECT count(*)::int FROM admissions) AS admissions, (SELECT count(*)::int FROM observation_sets) AS sets`,
  );
  return {
    history: { ...database.summary, ...counts.rows[0] },
    sequential,
    concurrent,
    sqlOnly: { requests: times.length, p50: at(50), p99: at(99), max: times[times.length - 1] },
  };
}

async function benchmarkTimeline(postgres) {
  progress('timeline: a fresh database with a 7-day stay, a set every 30 minutes');
  const database = await syntheticDatabase(postgres, 'bench_timeline', 0);
  const admissionId = await sevenDayAdmission(database.client, { nurseId: database.nurseId, ward: WARD });
  const builds = [{ label: 'this build', script: mainScript, client: options.client }];
  if (options['compare-dist']) {
    const script = path.join(path.resolve(options['compare-dist']), 'server/src/main.js');
    if (!existsSync(script)) throw new Error(`--compare-dist: no server build at ${script}`);
    builds.unshift({
      label: `compared (${options['compare-dist']})`,
      script,
      client: options['compare-client'] ?? options.client,
    });
  }
  const timelinePath = `/api/admissions/${admissionId}/timeline`;
  const runs = [];
  let contents = null;
  // With another build, alternating in two rounds, so that neither always runs on a quieter machine.
  const rounds = builds.length > 1 ? 2 : 1;
  for (let round = 0; round < rounds; round += 1) {
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
      const app = await startApp(database.url, `app-timeline-${runs.length}`, build.script, build.client);
      // As Chromium asks for it: a build that compresses the answer sends fewer bytes.
      const headers = { cookie: app.session.cookie, 'accept-encoding': 'gzip, deflate, br, zstd' };
      const check = await fetch(`http://127.0.0.1:${app.port}${timelinePath}`, { headers });
      const text = await check.text();
      if (check.status !== 200) throw new Error(`the timeline answered ${check.status}`);
      const body = JSON.parse(text);
      contents = {
        sets: body.observations.id.length,
        orders: body.orders.length,
        events: body.events.length,
        followUps: body.followUps.items.length,
        bytes: Buffer.byteLength(text),
        sentBytes: Number(check.headers.get('content-length') ?? Buffer.byteLength(text)),
        encoding: check.headers.get('content-encoding') ?? 'identity',
      };
      const { sequential, concurrent } = await loadRead(app, database, {
        name: `timeline (${build.label})`,
        path: timelinePath,
        headers,
        requests: settings.timelineRequests,
        concurrency: 10,
      });
      let page = null;
      if (settings.pageLoads > 0) {
        progress(`timeline (${build.label}): the page in Chromium, ${settings.pageLoads} cold loads`);
        page = await measurePage({
          base: `http://127.0.0.1:${app.port}`,
          username: NURSE.username,
          password: NURSE.password,
          admissionId,
          loads: settings.pageLoads,
          // As a recorded set would: the stay's generation moves on (ADR 9), so that the server's kept
          // timeline and pictures of it (ADR 11, 12) are stale.
          changeStay: () =>
            database.client.query(
              'UPDATE stay_summaries SET generation = generation + 1 WHERE admission_id = $1',
              [admissionId],
            ),
        });
      }
      await app.stop();
      runs.push({ label: build.label, contents, sequential, concurrent, page });
    }
  }
  // The figures of this build's last run stay where they were for readers of --json.
  const own = runs.findLast((run) => run.label === 'this build');
  return { ...own, runs };
}

async function benchmarkWorklist(postgres) {
  progress(`worklist: generating ${settings.years} years of synthetic history`);
  const database = await syntheticDatabase(postgres, 'bench_worklist', settings.years);
  const history = database.summary;
  progress(
    `worklist: generated in ${history.seconds.toFixed(1)} s; ${history.followUps} follow-ups, ` +
      `${history.followUpsDueOrOverdue} due or overdue`,
  );
  const builds = [{ label: 'this build', script: mainScript }];
  if (options['compare-dist']) {
    const script = path.join(path.resolve(options['compare-dist']), 'server/src/main.js');
    if (!existsSync(script)) throw new Error(`--compare-dist: no server build at ${script}`);
    builds.unshift({ label: `compared (${options['compare-dist']})`, script });
  }
  const runs = [];
  let shape = null;
  let toDoShape = null;
  // Alternating builds in two rounds, so that neither always runs on a warmer or quieter machine.
  const rounds = builds.length > 1 ? 2 : 1;
  for (let round = 0; round < rounds; round += 1) {
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
      const app = await startApp(database.url, `app-worklist-${runs.length}`, build.script);
      const headers = { cookie: app.session.cookie };
      const check = await fetch(`http://127.0.0.1:${app.port}/api/follow-ups`, { headers });
      const body = await check.json();
      if (check.status !== 200) throw new Error(`the worklist answered ${check.status}`);
      shape = {
        admissions: body.items.length,
        followUps: body.items.reduce((sum, item) => sum + item.followUps.length, 0),
        sections: Object.fromEntries(
          ['overdue', 'due', 'missed', 'upcoming'].map((section) => [
            section,
            body.items.filter((item) => item.section === section).length,
          ]),
        ),
        bytes: JSON.stringify(body).length,
      };
      // The page first asks for the day's calls only (show=to-do), the upcoming ones when the nurse
      // asks; a build from before that answers 400 to it and is measured on the whole list alone.
      const toDo = await fetch(`http://127.0.0.1:${app.port}/api/follow-ups?show=to-do`, { headers });
      const toDoText = await toDo.text();
      const paths = [['the whole list', '/api/follow-ups']];
      if (toDo.status === 200) {
        toDoShape = { admissions: JSON.parse(toDoText).items.length, bytes: toDoText.length };
        paths.unshift(["the page's first request (show=to-do)", '/api/follow-ups?show=to-do']);
      }
      for (const [what, listPath] of paths) {
        const { sequential, concurrent } = await loadRead(app, database, {
          name: `worklist (${build.label}), ${what}`,
          path: listPath,
          headers,
          requests: settings.worklistRequests,
          concurrency: 10,
        });
        runs.push({ label: `${build.label}, ${what}`, sequential, concurrent });
      }
      await app.stop();
    }
  }
  return { history, shape, toDoShape, runs };
}

async function benchmarkReports(postgres) {
  progress(`reports: ${settings.years} years of synthetic history`);
  const database = await historyDatabase(postgres);
  await database.client.query(
    `INSERT INTO users (username, display_name, roles, password_hash, must_change_password, active)
     VALUES ($1, 'Benchmark auditor', ARRAY['auditor'], $2, false, true) ON CONFLICT DO NOTHING`,
    [AUDITOR.username, await hashPassword(AUDITOR.password)],
  );
  const builds = [{ label: 'this build', script: mainScript }];
  if (options['compare-dist']) {
    const script = path.join(path.resolve(options['compare-dist']), 'server/src/main.js');
    if (!existsSync(script)) throw new Error(`--compare-dist: no server build at ${script}`);
    builds.unshift({ label: `compared (${options['compare-dist']})`, script });
  }
  const outcomesPath = '/api/reports/outcomes?groupBy=indication';
  const servicePath = '/api/reports/service';
  const csvPath = '/api/exports/outcome-analysis.csv';
  const measured = [];
  const bodies = [];
  let cohort = null;
  for (const build of builds) {
    const app = await startApp(database.url, `app-reports-${measured.length}`, build.script);
    const auditor = await signIn(`http://127.0.0.1:${app.port}`, AUDITOR);
    const headers = { cookie: auditor.cookie };
    const outcomes = await (await fetch(`http://127.0.0.1:${app.port}${outcomesPath}`, { headers })).json();
    const service = await (await fetch(`http://127.0.0.1:${app.port}${servicePath}`, { headers })).json();
    if (!outcomes.cohort || !service.admissions) throw new Error(`a report of ${build.label} did not answer`);
    bodies.push({ outcomes: JSON.stringify(outcomes), service: JSON.stringify(service) });
    cohort = {
      discharged: outcomes.cohort.discharged,
      onCurve: outcomes.cohort.onCurve,
      groups: outcomes.groups.length,
      admissions: service.admissions.total,
      sets: service.observationsOnTime.sets,
      followUps: service.followUps.scheduled,
    };
    const job = (path, connections, requests) => ({
      port: app.port,
      method: 'GET',
      paths: [path],
      headers,
      body: null,
      idempotencyPrefix: null,
      connections,
      warmupRequests: 10,
      seconds: 120,
      maxRequests: requests,
      expectStatus: 200,
    });
    const context = { serverPid: app.pid, database: database.client };
    const runs = {};
    const loadAverage = [os.loadavg()[0]];
    progress(
      `reports (${build.label}): outcome report by indication, ${settings.reportRequests} requests at 5 connections`,
    );
    runs.outcomes = await load(job(outcomesPath, 5, settings.reportRequests), context);
    // The same report asked 64 ways that select the same cohort (discharged up to a day far ahead), in
    // turn: more questions than the answers kept (ADR 9), so that every answer is made anew.
    const freshPaths = Array.from(
      { length: 64 },
      (_, day) =>
        `${outcomesPath}&dischargedTo=${new Date(Date.UTC(2100, 0, 1 + day)).toISOString().slice(0, 10)}`,
    );
    progress(`reports (${build.label}): outcome report, every answer made anew, at 5 connections`);
    runs.outcomesFresh = await load(
      { ...job(outcomesPath, 5, settings.reportRequests), paths: freshPaths },
      context,
    );
    const sequential = Math.max(10, Math.round(settings.reportRequests / 4));
    progress(`reports (${build.label}): service report, ${sequential} sequential requests`);
    runs.serviceSequential = await load(job(servicePath, 1, sequential), context);
    progress(
      `reports (${build.label}): service report, ${settings.reportRequests} requests at 5 connections`,
    );
    runs.service = await load(job(servicePath, 5, settings.reportRequests), context);
    const freshServicePaths = Array.from(
      { length: 64 },
      (_, day) =>
        `${servicePath}?admittedTo=${new Date(Date.UTC(2100, 0, 1 + day)).toISOString().slice(0, 10)}`,
    );
    progress(`reports (${build.label}): service report, every answer made anew, at 5 connections`);
    runs.serviceFresh = await load(
      { ...job(servicePath, 5, settings.reportRequests), paths: freshServicePaths },
      context,
    );
    progress(`reports (${build.label}): the analysis data set as CSV, 3 downloads`);
    const downloads = [];
    for (let index = 0; index < 3; index += 1) {
      downloads.push(
        await downloadCsv({ port: app.port, path: csvPath, cookie: auditor.cookie, serverPid: app.pid }),
      );
    }
    loadAverage.push(os.loadavg()[0]);
    await app.stop();
    measured.push({ label: build.label, runs, downloads, loadAverage });
  }
  // Before and after must report the same figures: only the dates of today may differ, and they do
  // not within one run.
  const same = (key) => bodies.every((body) => body[key] === bodies[0][key]);
  return {
    cohort,
    builds: measured,
    identical: builds.length > 1 ? { outcomes: same('outcomes'), service: same('service') } : null,
  };
}

function printReport(all) {
  const ms = (value) =>
    value === null || value === undefined ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1);
  const table = (header, rows) => {
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
    );
    const line = (cells) =>
      cells
        .map((cell, column) =>
          column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
        )
        .join('  ');
    return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
  };
  const failures = (run) => run.requests - run.ok;
  /**
   * The table of a read benchmark: one row per [label, run], then any `extra` rows as they are; req/s
   * with `rateDigits` decimals, and the PostgreSQL transactions per request unless `transactions` is false.
   */
  const readsTable = (rows, { transactions = true, rateDigits = 0, extra = [] } = {}) =>
    table(
      [
        '',
        'requests',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'failed',
        'server CPU ms/req',
        'PG CPU ms/req',
        ...(transactions ? ['PG xacts/req'] : []),
      ],
      rows
        .map(([label, run]) => [
          label,
          run.requests,
          run.throughput.toFixed(rateDigits),
          ms(run.latency.p50),
          ms(run.latency.p99),
          ms(run.latency.max),
          failures(run),
          ms(run.serverCpuMsPerRequest),
          ms(run.postgresCpuMsPerRequest),
          ...(transactions ? [run.postgresTransactionsPerRequest.toFixed(1)] : []),
        ])
        .concat(extra),
    );
  const out = [];
  out.push('');
  out.push(
    `infusion-tracker benchmarks, ${all.startedAt}: node ${all.machine.node}, ${all.machine.cpus} CPUs, ` +
      `load average ${all.machine.loadAverage.join(' ')} at start. Load generator, servers and PostgreSQL share these CPUs.`,
  );
  if (all.record) {
    const { runs } = all.record;
    out.push('');
    out.push(
      `Recording one observation set: POST /api/admissions/:id/observation-sets, ${settings.connections} connections, ` +
        `${settings.seconds} s after ${settings.warmup} s warm-up, ${all.record.admissions} admissions, a fresh Idempotency-Key each`,
    );
    const row = (label, run) => [
      label,
      run.throughput.toFixed(0),
      ms(run.latency.p50),
      ms(run.latency.p99),
      ms(run.latency.max),
      failures(run),
      ms(run.serverCpuMsPerRequest),
      ms(run.postgresCpuMsPerRequest),
      run.postgresTransactionsPerRequest.toFixed(1),
      `${run.clientCpuPercent.toFixed(0)} %`,
    ];
    const rows = [];
    const numbered = (label, list) =>
      list.forEach((run, index) => rows.push(row(`${label}${list.length > 1 ? ` #${index + 1}` : ''}`, run)));
    numbered('floor: set only', runs.floor);
    numbered('floor: set + audit row', runs.floorAudited);
    numbered('infusion-tracker API', runs.app);
    numbered(`API at ${settings.rate} req/s offered`, runs.appAtRate ?? []);

    out.push(
      table(
        [
          '',
          'req/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'failed',
          'server CPU ms/req',
          'PG CPU ms/req',
          'PG xacts/req',
          'client CPU',
        ],
        rows,
      ),
    );
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
    const throughput = (list) => median(list.map((run) => run.throughput));
    const ratioTo = (floor) => throughput(runs.app) / throughput(floor);
    const verdict = (ratio) =>
      `${(100 * ratio).toFixed(0)} % (target ≥ 50 %: ${ratio >= 0.5 ? 'met' : 'NOT met'})`;
    const p99 = median(runs.app.map((run) => run.latency.p99));
    out.push(
      `API / floor throughput: ${verdict(ratioTo(runs.floorAudited))} against the floor writing the same rows ` +
        `(set + audit row), ${verdict(ratioTo(runs.floor))} against the set alone.`,
    );
    const atRate = runs.appAtRate?.[0];
    const p99Verdict = (value) => `${ms(value)} ms (target < 50 ms: ${value < 50 ? 'met' : 'NOT met'})`;
    out.push(
      `API p99 ${p99Verdict(p99)} at saturation` +
        (atRate ? `, ${p99Verdict(atRate.latency.p99)} at ${settings.rate} req/s offered` : '') +
        '. ' +
        `Rows stored (warm-up included): floors ${all.record.stored.floor}, API ${all.record.stored.app}.`,
    );
  }
  if (all.board) {
    const { history } = all.board;
    out.push('');
    out.push(
      `Ward board: GET /api/wards/:ward/board, 40 open admissions, ${settings.years} years of history ` +
        `(${history.admissions.toLocaleString('en')} admissions, ${history.sets.toLocaleString('en')} observation sets; ` +
        `generated in ${history.seconds.toFixed(1)} s)`,
    );
    const { sqlOnly } = all.board;
    out.push(
      readsTable(
        [
          ['sequential (1 connection)', all.board.sequential],
          [`${settings.boardConcurrency} concurrent connections`, all.board.concurrent],
        ],
        {
          extra: [
            [
              'board SQL alone (pg, sequential)',
              sqlOnly.requests,
              '',
              ms(sqlOnly.p50),
              ms(sqlOnly.p99),
              ms(sqlOnly.max),
              '',
              '',
              '',
              '',
            ],
          ],
        },
      ),
    );
    const worst = Math.max(all.board.sequential.latency.p99, all.board.concurrent.latency.p99);
    out.push(`Board p99 ${ms(worst)} ms at worst (target < 50 ms: ${worst < 50 ? 'met' : 'NOT met'}).`);
  }
  if (all.worklist) {
    const { history, shape, toDoShape } = all.worklist;
    out.push('');
    out.push(
      `Follow-up worklist: GET /api/follow-ups, ${settings.years} years of history ` +
        `(${history.followUps.toLocaleString('en')} follow-ups, ${history.followUpAttempts.toLocaleString('en')} attempts, ` +
        `${history.followUpOutcomes.toLocaleString('en')} outcomes, ${history.terminalEvents} terminal events; ` +
        `${history.followUpsDueOrOverdue} due or overdue); ` +
        `the list: ${shape.admissions} admissions (${Object.entries(shape.sections)
          .map(([section, count]) => `${count} ${section}`)
          .join(', ')}), ${shape.followUps} follow-ups, ${(shape.bytes / 1024).toFixed(0)} KB of JSON` +
        (toDoShape
          ? `; the page's first request (show=to-do): ${toDoShape.admissions} admissions, ` +
            `${(toDoShape.bytes / 1024).toFixed(0)} KB of JSON`
          : ''),
    );
    out.push(
      readsTable(
        all.worklist.runs.flatMap((run) => [
          [`${run.label}: sequential`, run.sequential],
          [`${run.label}: 10 connections`, run.concurrent],
        ]),
      ),
    );
    for (const run of all.worklist.runs) {
      const p99 = run.concurrent.latency.p99;
      out.push(
        `Worklist p99 at 10 connections, ${run.label}: ${ms(p99)} ms (target < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'}).`,
      );
    }
  }
  if (all.timeline) {
    const { contents, runs } = all.timeline;
    out.push('');
    out.push(
      `Admission timeline: GET /api/admissions/:id/timeline of a 7-day stay (${contents.sets} sets, ` +
        `${contents.orders} orders, ${contents.events} events, ${contents.followUps} follow-ups; ` +
        runs
          .map(
            (run) =>
              `${(run.contents.bytes / 1024).toFixed(0)} KB of JSON from ${run.label}, sent as ` +
              `${(run.contents.sentBytes / 1024).toFixed(0)} KB ${run.contents.encoding}`,
          )
          .join(', ') +
        ')',
    );
    out.push(
      readsTable(
        runs.flatMap((run) => [
          [`${run.label}: sequential (1 connection)`, run.sequential],
          [`${run.label}: 10 concurrent connections`, run.concurrent],
        ]),
      ),
    );
    for (const run of runs) {
      const p99 = run.concurrent.latency.p99;
      out.push(
        `Timeline p99 at 10 connections, ${run.label}: ${ms(p99)} ms (target < 30 ms: ${p99 < 30 ? 'met' : 'NOT met'}).`,
      );
    }
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    const loads = (series) =>
      `charts drawn ${series.drawnMs.join(', ')} ms after navigation, median ${series.drawnMedianMs} ms; ` +
      `the page's first byte after ${series.firstByteMedianMs} ms (median); ` +
      (series.picturesAsked
        ? `the chart's picture asked for in ${series.picturesAsked} of them, after ${series.pictureAskedMedianMs} ms (sent ${series.pictureSentMedianMs}), its first byte after ${series.pictureFirstByteMedianMs} ms, its last after ${series.pictureAnsweredMedianMs} ms (medians)`
        : 'no picture of the chart asked for');
    for (const { label, page } of runs.filter((run) => run.page)) {
      const worst = Math.max(page.drawnMs.at(-1), page.afterChange?.drawnMs.at(-1) ?? 0);
      out.push(
        `Page, ${label} (Chromium, production build), cold loads of the stay as the server last answered it: ${loads(page)}. ` +
          (page.afterChange
            ? `Cold loads just after a change to the stay: ${loads(page.afterChange)}. `
            : '') +
          `Target < 1000 ms: ${worst < 1000 ? 'met' : 'NOT met'} at worst (${worst} ms). ` +
          `For reference, the sign-in page's cold loads in between painted its form in ${page.signInMs.join(', ')} ms, ` +
          `median ${page.signInMedianMs} ms. ` +
          `Initial bundle (sign-in page + ward board): ${page.initial.files} JS/CSS files, ${kb(page.initial.gzipBytes)} gzip; ` +
          `the admission page from cold, until its chart is painted: ${page.admissionPage.files} files (the page, JS, CSS and pictures), ${kb(page.admissionPage.gzipBytes)} gzip.`,
      );
    }
  }
  if (all.reports) {
    const { cohort, builds, identical } = all.reports;
    out.push('');
    out.push(
      `Reports, ${settings.years} years of history: ${cohort.admissions.toLocaleString('en')} admissions, ` +
        `${cohort.discharged.toLocaleString('en')} discharged (${cohort.onCurve.toLocaleString('en')} on the curve, ` +
        `${cohort.groups} indications), ${cohort.sets.toLocaleString('en')} observation sets, ` +
        `${cohort.followUps.toLocaleString('en')} scheduled follow-ups`,
    );
    const verdict = (value, target) =>
      `${ms(value)} ms (target < ${target} ms: ${value < target ? 'met' : 'NOT met'})`;
    for (const { label, runs, downloads, loadAverage } of builds) {
      out.push('');
      out.push(
        `${label}: 1-minute load average ${loadAverage.map((l) => l.toFixed(2)).join(' before, ')} after`,
      );
      out.push(
        readsTable(
          [
            ['outcomes by indication, 5 connections', runs.outcomes],
            ['  the same, every answer made anew', runs.outcomesFresh],
            ['service report, sequential', runs.serviceSequential],
            ['service report, 5 connections', runs.service],
            ['  the same, every answer made anew', runs.serviceFresh],
          ],
          { transactions: false, rateDigits: 1 },
        ),
      );
      out.push(
        `Outcome report p99 at 5 connections ${verdict(runs.outcomes.latency.p99, 150)}; service report p99 ` +
          `${verdict(Math.max(runs.service.latency.p99, runs.serviceSequential.latency.p99), 300)} at worst.`,
      );
      for (const [index, d] of downloads.entries()) {
        out.push(
          `Analysis CSV #${index + 1}: ${d.rows.toLocaleString('en')} rows, ${(d.bytes / 2 ** 20).toFixed(1)} MB in ` +
            `${ms(d.ms)} ms (first byte ${ms(d.firstByteMs)} ms; target < 2000 ms: ${d.ms < 2000 ? 'met' : 'NOT met'}), ` +
            `server RSS ${d.rssBeforeMb?.toFixed(0)} MB before, peak growth ${d.rssPeakGrowthMb?.toFixed(1)} MB ` +
            `(target < 50 MB: ${d.rssPeakGrowthMb !== null && d.rssPeakGrowthMb < 50 ? 'met' : 'NOT met'}).`,
        );
      }
    }
    if (identical) {
      out.push(
        `Both builds answered the same figures: outcome report ${identical.outcomes ? 'identical' : 'DIFFERENT'}, ` +
          `service report ${identical.service ? 'identical' : 'DIFFERENT'}.`,
      );
    }
  }
  out.push('');
  process.stdout.write(out.join('\n') + '\n');
}

/**
 * A client build's served files and its renderers beside them (the chart's, ADR 12; the page's, ADR 13),
 * so that each build compared runs with its own; a renderer the build does not have is left out.
 */
function clientBuild(clientDir) {
  const build = path.dirname(path.resolve(clientDir));
  const chart = path.join(build, 'chart-renderer.mjs');
  const page = path.join(build, 'server', 'server.mjs');
  return {
    CLIENT_DIR: path.resolve(clientDir),
    CHART_RENDERER: existsSync(chart) ? chart : '',
    PAGE_RENDERER: existsSync(page) ? page : '',
  };
}
