// The reports benchmark (issue 11), run by `npm run bench -- --only reports`: the outcome report grouped
// by indication at 5 connections, the service report sequential and at 5 connections, and the full
// analysis data set as CSV, timed and with the server's resident memory sampled while it streams.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

/** The server's resident set size in bytes (Linux /proc), or null elsewhere. */
export function residentBytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Downloads one CSV export and reports its size, rows, the time to the last byte, and how far the
 * server's resident memory rose above where it stood before the request (sampled every 5 ms).
 */
export function downloadCsv({ port, path, cookie, serverPid }) {
  return new Promise((resolve, reject) => {
    const before = residentBytes(serverPid);
    let peak = before;
    const sampler = setInterval(() => {
      const now = residentBytes(serverPid);
      if (now !== null && (peak === null || now > peak)) peak = now;
    }, 5);
    const started = performance.now();
    let firstByteMs = null;
    let bytes = 0;
    let lines = 0;
    const request = http.get({ host: '127.0.0.1', port, path, headers: { cookie } }, (response) => {
      response.on('data', (chunk) => {
        firstByteMs ??= performance.now() - started;
        bytes += chunk.length;
        for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines += 1;
      });
      response.on('end', () => {
        clearInterval(sampler);
        const after = residentBytes(serverPid);
        if (after !== null && (peak === null || after > peak)) peak = after;
        if (response.statusCode !== 200) reject(new Error(`${path} answered ${response.statusCode}`));
        else
          resolve({
            status: response.statusCode,
            ms: performance.now() - started,
            firstByteMs,
            bytes,
            rows: lines - 1,
            rssBeforeMb: before === null ? null : before / 2 ** 20,
            rssPeakGrowthMb: before === null || peak === null ? null : (peak - before) / 2 ** 20,
          });
      });
      response.on('error', reject);
    });
    request.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
  });
}
