import fc from 'fast-check';
import pg from 'pg';
import request from 'supertest';
import { ApiClient, aUser } from '../testing/api-client.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';
import { aDischargedAdmission, anAdmittedPatient } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { ROLES } from '../auth/roles.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../auth/auth-cookies.js';
import {
  operationsOf,
  requestsFor,
  type FuzzContext,
  type GeneratedRequest,
  type OpenApiDocument,
} from '../testing/openapi-requests.js';

/**
 * Bad input, generated from the OpenAPI description against the real app on real PostgreSQL: every
 * described operation, as every role, with plausible and hostile bodies, query strings and path
 * parameters. FUZZ_RUNS sets the number of requests (CI: the default below); FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

/** Tables a refused request may legitimately write: sign-in and rate-limit bookkeeping, sessions. */
const BOOKKEEPING = new Set(['sessions', 'sign_in_attempts', 'patient_link_requests', 'migrations']);
/** A refused sign-in is itself audited (a security record), so those audit rows are not counted. */
const AUDITED_REFUSALS = `action NOT IN ('auth.sign-in-failed', 'auth.sign-in-refused')`;

interface Finding {
  kind: 'server error' | 'accepted bad input' | 'not a problem' | 'write on refusal' | 'no answer';
  request: GeneratedRequest;
  status: number;
  detail: string;
}

describe('bad input, generated from the OpenAPI description', () => {
  let testApp: TestApp;
  let database: pg.Client;
  let document: OpenApiDocument;
  let context: FuzzContext;
  const clients = new Map<string, { username: string | null; client: ApiClient }>();

  beforeAll(async () => {
    testApp = await bootTestApp();
    database = new pg.Client({ connectionString: testApp.database.url });
    await database.connect();
    clients.set('anonymous', { username: null, client: await ApiClient.anonymous(testApp) });
    for (const role of ROLES) {
      const user = await aUser(testApp, [role]);
      clients.set(role, {
        username: user.username,
        client: await ApiClient.signedIn(testApp, user.username),
      });
    }
    const prescriber = clients.get('prescriber')!.client;
    const nurse = clients.get('nurse')!.client;
    const admitted = await anAdmittedPatient(prescriber);
    const discharged = await aDischargedAdmission(prescriber);
    const set = await nurse.post(`/api/admissions/${admitted.id}/observation-sets`, anObservationSet());
    const followUps = await prescriber.get(`/api/admissions/${discharged.id}/follow-ups`);
    const target = await aUser(testApp, ['nurse']);
    context = {
      ids: [
        admitted.id,
        admitted.patientId,
        discharged.id,
        discharged.patientId,
        set.body.id,
        target.id,
        ...((followUps.body.items ?? followUps.body ?? []) as { id: string }[]).map((f) => f.id).slice(0, 3),
      ].filter((id): id is string => typeof id === 'string'),
      words: ['Pain Medicine Unit', 'Ward 7'],
    };
    document = (await request(testApp.http).get('/api/docs-json').expect(200)).body;
  }, 120_000);

  afterAll(async () => {
    await database?.end();
    await testApp?.close();
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const counted = tables.rows.map((row) => row.table_name).filter((name) => !BOOKKEEPING.has(name));
    const sql = counted
      .map(
        (name) =>
          `SELECT '${name}' AS name, count(*)::int AS rows FROM "${name}"` +
          (name === 'audit_events' ? ` WHERE ${AUDITED_REFUSALS}` : ''),
      )
      .join(' UNION ALL ');
    const result = await database.query<{ name: string; rows: number }>(sql);
    return Object.fromEntries(result.rows.map((row) => [row.name, row.rows]));
  }

  async function send(generated: GeneratedRequest, as: string) {
    const { client } = clients.get(as)!;
    const session = client.cookie(SESSION_COOKIE);
    const csrf = client.cookie(CSRF_COOKIE);
    const cookies = [session ? `${SESSION_COOKIE}=${session}` : null, csrf ? `${CSRF_COOKIE}=${csrf}` : null]
      .filter(Boolean)
      .join('; ');
    let pending = request(testApp.http)[generated.method as 'get'](generated.url);
    if (cookies) pending = pending.set('cookie', cookies);
    if (csrf) pending = pending.set(CSRF_HEADER, csrf);
    if (generated.contentType) pending = pending.set('content-type', generated.contentType);
    if (generated.body !== null) pending = pending.send(generated.body);
    return pending;
  }

  /** The fuzzed sign-ins fail from one address; the limiter forgets them as after its window. */
  async function forgetFailedSignIns(): Promise<void> {
    await database.query('DELETE FROM sign_in_attempts');
  }

  /** A generated request may sign a role out or change its password: sign it in again when it did. */
  async function keepSignedIn(as: string): Promise<void> {
    const entry = clients.get(as)!;
    if (!entry.username) return;
    const me = await entry.client.get('/api/auth/me');
    if (me.status === 200) return;
    await forgetFailedSignIns();
    const user = await aUser(testApp, [as as (typeof ROLES)[number]]);
    clients.set(as, { username: user.username, client: await ApiClient.signedIn(testApp, user.username) });
  }

  it('answers every generated request with a success or a 4xx problem that stored nothing', async () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(30);
    const roles = [...clients.keys()];
    const findings: Finding[] = [];
    let sent = 0;
    let before = await rowCounts();

    // Roles refused with 401/403 on an operation are not chosen for it again, so that most requests
    // reach validation and the services instead of the role guard.
    const refusedRoles = new Map<string, Set<string>>();
    const arbitrary = fc
      .constantFrom(...operations)
      .chain((operation) => fc.tuple(requestsFor(operation, context), fc.nat()));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([generated, pick]) => {
        const refused = refusedRoles.get(generated.operation) ?? new Set<string>();
        const allowed = roles.filter((role) => !refused.has(role));
        const as = allowed.length > 0 ? allowed[pick % allowed.length] : roles[pick % roles.length];
        sent += 1;
        let status = 0;
        let contentType = '';
        try {
          const response = await send(generated, as);
          status = response.status;
          contentType = String(response.headers['content-type'] ?? '');
        } catch (error) {
          findings.push({ kind: 'no answer', request: generated, status, detail: String(error) });
          return;
        }
        const after = await rowCounts();
        if (status >= 500)
          findings.push({ kind: 'server error', request: generated, status, detail: contentType });
        else if (status >= 400) {
          if (!contentType.startsWith('application/problem+json'))
            findings.push({ kind: 'not a problem', request: generated, status, detail: contentType });
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length > 0)
            findings.push({
              kind: 'write on refusal',
              request: generated,
              status,
              detail: changed.join(', '),
            });
        } else if (generated.hostile.length > 0)
          findings.push({
            kind: 'accepted bad input',
            request: generated,
            status,
            detail: generated.hostile.join('; '),
          });
        before = after;
        if (status === 403 || (status === 401 && as === 'anonymous'))
          refusedRoles.set(generated.operation, refused.add(as));
        if (as !== 'anonymous' && status === 401) {
          await keepSignedIn(as);
          before = await rowCounts();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    const summary = summarise(findings);
    process.stdout.write(`bad-input fuzz: ${sent} requests, seed ${SEED}\n${summary}\n`);
    expect(summary).toBe('');
  }, 600_000);

  it('is healthy afterwards: the health check and sign-in still work', async () => {
    await request(testApp.http).get('/api/health').expect(200);
    await forgetFailedSignIns();
    const user = await aUser(testApp, ['nurse']);
    const nurse = await ApiClient.signedIn(testApp, user.username);
    expect((await nurse.get('/api/wards')).status).toBe(200);
  });
});

/** Findings grouped by kind, status and what was hostile about the request: the root causes to fix. */
function summarise(findings: Finding[]): string {
  const groups = new Map<string, { count: number; operations: Set<string>; example: Finding }>();
  for (const finding of findings) {
    const reasons = [...new Set(finding.request.hostile.map((reason) => reason.replace(/^.*: /, '')))].sort();
    const key = `${finding.kind} | ${finding.status} | ${reasons.join(' + ') || 'plausible request'}`;
    const group = groups.get(key) ?? { count: 0, operations: new Set<string>(), example: finding };
    group.count += 1;
    group.operations.add(finding.request.operation);
    groups.set(key, group);
  }
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  const lines = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { count, operations, example }]) => {
      const { method, url, contentType, body } = example.request;
      return (
        `${count} × ${key} (${operations.size} operation(s))\n` +
        `    e.g. ${method.toUpperCase()} ${url.slice(0, 100)} ${contentType ?? ''} ${(body ?? '').slice(0, 140)}` +
        ` -> ${example.detail.slice(0, 100)}`
      );
    });
  if (lines.length === 0) return '';
  return [`totals: ${[...counts.entries()].map(([kind, n]) => `${kind} ${n}`).join(', ')}`, ...lines].join(
    '\n',
  );
}
