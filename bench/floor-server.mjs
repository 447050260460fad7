// The floor: the least any server can do to record an observation set over HTTP with node and pg. A bare
// node:http server with a pg pool of the app's size (20) that parses the JSON body and runs one INSERT
// into observation_sets with the same columns the app stores, the NEWS2 result and flags computed once at
// start (the body never changes). No validation, no session, no transaction: the app's throughput is
// measured against this. The keys are the app's too: the set's id comes from the column's DEFAULT
// (uuid_v7(), time-ordered, since issue 14) and the audit row's from its identity column, so the floor's
// index writes are the app's. Two paths:
//   /api/admissions/:id/observation-sets             the set only
//   /with-audit/api/admissions/:id/observation-sets  the set and its audit row in one statement, as every
//                                                    clinical write must be audited (the app's writes)
// Environment: DATABASE_URL, PORT, RECORDED_BY (a user id), SERVER_DIST (the server build). Prints
// "listening" when ready.
import { Buffer } from 'node:buffer';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { OBSERVATION_SET } from './observation-body.mjs';

const { observationFlags, scoreNews2 } = await import(
  pathToFileURL(path.join(process.env.SERVER_DIST, 'libs/clinical/src/index.js')).href
);

const news2 = scoreNews2(OBSERVATION_SET);
const news2Json = JSON.stringify(news2);
const flags = observationFlags({
  news2,
  sedation: OBSERVATION_SET.sedation,
  sideEffects: OBSERVATION_SET.sideEffects,
  pumpRate: OBSERVATION_SET.pumpRate,
  currentOrderRate: null,
});
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const recordedBy = process.env.RECORDED_BY;
const PATH = /^(\/with-audit)?\/api\/admissions\/([0-9a-f-]{36})\/observation-sets$/;
const INSERT = `INSERT INTO observation_sets (admission_id, taken_at, respiration_rate, spo2, spo2_scale,
    supplemental_oxygen, oxygen_device, systolic_bp, diastolic_bp, pulse, consciousness, temperature_c, sedation,
    pain_score, side_effects, pump_rate_value, pump_rate_unit, comment, news2, news2_total, news2_response, flags,
    recorded_by, idempotency_key, request_fingerprint)
  VALUES ($1, now(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
  RETURNING id, taken_at, recorded_at`;
const INSERT_WITH_AUDIT = `WITH inserted AS (${INSERT}), audited AS (
    INSERT INTO audit_events (user_id, user_display_name, action, entity_type, entity_id, admission_id, request_id, client_address, change)
    SELECT $22, 'Benchmark nurse', 'observation-set.created', 'observation-set', inserted.id::text, $1, $25, '127.0.0.1', $26::jsonb
    FROM inserted
  )
  SELECT * FROM inserted`;

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.writeHead(200).end('ok');
    return;
  }
  const match = request.method === 'POST' ? PATH.exec(request.url) : null;
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const raw = Buffer.concat(chunks);
    const set = JSON.parse(raw.toString('utf8'));
    const withAudit = match[1] !== undefined;
    const admissionId = match[2];
    const setValues = [
      admissionId,
      set.respirationRate,
      set.spo2,
      set.spo2Scale,
      set.supplementalOxygen,
      set.oxygenDevice ?? null,
      set.systolicBp,
      set.diastolicBp,
      set.pulse,
      set.consciousness,
      set.temperatureC,
      set.sedation,
      set.painScore,
      set.sideEffects,
      set.pumpRate?.value ?? null,
      set.pumpRate?.unit ?? null,
      set.comment ?? null,
      news2Json,
      news2.total,
      news2.response,
      flags,
      recordedBy,
      request.headers['idempotency-key'] ?? null,
      createHash('sha256').update(raw).digest('hex'),
    ];
    const audit = withAudit ? [randomUUID(), JSON.stringify({ before: null, after: set })] : [];
    pool.query(withAudit ? INSERT_WITH_AUDIT : INSERT, [...setValues, ...audit]).then(
      ({ rows: [row] }) => {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            id: row.id,
            admissionId,
            takenAt: row.taken_at,
            ...set,
            news2,
            flags,
            recordedBy,
            recordedAt: row.recorded_at,
          }),
        );
      },
      (error) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error.message);
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
