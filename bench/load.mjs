// A small HTTP load generator, run as a child process of run.mjs so that it never shares an event loop
// with the server it measures: `connections` keep-alive connections on loopback, each sending its next
// request as soon as the previous answer has been read (closed loop), or, with `rate`, at a fixed
// offered rate: request k is due at k/rate seconds, and its latency counts from then, so time spent
// waiting for a free connection is counted too. Bounded by time and by count; stops by itself.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @param {object} job
 * @param {number} job.port           on 127.0.0.1
 * @param {'GET'|'POST'} job.method
 * @param {string[]} job.paths        used in turn
 * @param {Record<string,string>} job.headers
 * @param {string|null} job.body
 * @param {string|null} job.idempotencyPrefix  a fresh Idempotency-Key per request when set
 * @param {number} job.connections
 * @param {number} job.warmupSeconds   or job.warmupRequests: not measured
 * @param {number} job.seconds         measured for this long ...
 * @param {number|null} job.maxRequests ... or until this many were measured
 * @param {number} job.expectStatus
 * @param {number|null} [job.rate]     requests per second offered, over all connections; null: closed loop
 */
async function run(job) {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: job.connections,
    maxFreeSockets: job.connections,
  });
  const body = job.body === null ? null : Buffer.from(job.body);
  const baseHeaders = { ...job.headers };
  if (body) baseHeaders['content-length'] = String(body.length);
  const latencies = [];
  const statuses = {};
  let firstFailure = null;
  let issued = 0;
  let warmupDone = 0;
  let measuring = false;
  let stop = false;
  let windowStart = 0;
  let windowEnd = 0;
  let cpuAtStart = null;
  let lastEnd = 0;
  let answered = 0;

  const send = (path) =>
    new Promise((resolve) => {
      const headers = job.idempotencyPrefix
        ? { ...baseHeaders, 'idempotency-key': `${job.idempotencyPrefix}-${randomUUID()}` }
        : baseHeaders;
      const request = http.request(
        { agent, host: '127.0.0.1', port: job.port, method: job.method, path, headers },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode, body: chunks }));
        },
      );
      request.on('error', (error) => resolve({ status: 0, body: [Buffer.from(error.message)] }));
      if (body) request.end(body);
      else request.end();
    });

  const startMeasuring = () => {
    measuring = true;
    windowStart = performance.now();
    windowEnd = windowStart + job.seconds * 1000;
    cpuAtStart = process.cpuUsage();
    process.send?.({ type: 'measuring' });
  };
  const began = performance.now();
  if (!job.warmupSeconds && !job.warmupRequests) startMeasuring();
  const warmupTimer = job.warmupSeconds ? setTimeout(startMeasuring, job.warmupSeconds * 1000) : null;

  const worker = async (index) => {
    while (!stop) {
      const sequence = issued++;
      const path = job.paths[sequence % job.paths.length];
      const due = job.rate ? began + (1000 * sequence) / job.rate : null;
      if (due !== null && due > performance.now()) await sleep(due - performance.now());
      const measured = measuring;
      const started = due ?? performance.now();
      const { status, body: answer } = await send(path);
      const ended = performance.now();
      if (!measured) {
        warmupDone += 1;
        if (job.warmupRequests && warmupDone >= job.warmupRequests && !measuring) startMeasuring();
        continue;
      }
      answered += 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === job.expectStatus) latencies.push(ended - started);
      else firstFailure ??= `${status} ${Buffer.concat(answer).toString('utf8').slice(0, 300)}`;
      lastEnd = Math.max(lastEnd, ended);
      if (ended >= windowEnd || (job.maxRequests && answered >= job.maxRequests)) stop = true;
      // Hard bound whatever happens: warm-up + measurement + 30 s.
      if (ended - began > ((job.warmupSeconds ?? 0) + job.seconds + 30) * 1000) stop = true;
    }
    return index;
  };
  await Promise.all(Array.from({ length: job.connections }, (_, index) => worker(index)));
  if (warmupTimer) clearTimeout(warmupTimer);
  const cpu = process.cpuUsage(cpuAtStart ?? undefined);
  agent.destroy();

  const seconds = (lastEnd - windowStart) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p) =>
    latencies.length ? latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] : null;
  return {
    requests: answered,
    ok: latencies.length,
    statuses,
    firstFailure,
    totalSent: issued,
    seconds,
    throughput: latencies.length / seconds,
    latency: {
      p50: percentile(50),
      p90: percentile(90),
      p99: percentile(99),
      max: latencies.length ? latencies[latencies.length - 1] : null,
      mean: latencies.length ? latencies.reduce((sum, value) => sum + value, 0) / latencies.length : null,
    },
    clientCpuPercent: (100 * (cpu.user + cpu.system)) / 1000 / (lastEnd - windowStart),
  };
}

process.once('message', (job) => {
  run(job).then(
    (result) => process.send({ type: 'result', result }, () => process.exit(0)),
    (error) => process.send({ type: 'error', message: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
