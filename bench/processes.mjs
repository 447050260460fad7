// Child processes of the benchmark and the CPU time they use (Linux /proc; elsewhere CPU is not shown).
/* global fetch */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function procStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      own: Number(fields[11]) + Number(fields[12]),
      reapedChildren: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}

export const canMeasureCpu = existsSync('/proc/self/stat');

/** CPU seconds a process has used so far. */
export function processCpuSeconds(pid) {
  const stat = procStat(pid);
  return stat ? stat.own / TICKS_PER_SECOND : 0;
}

/** CPU seconds used by a PostgreSQL server: the postmaster and its backends, running or ended. */
export function postgresCpuSeconds(dataDir) {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return 0;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const stat = procStat(postmaster);
  if (!stat) return 0;
  let ticks = stat.own + stat.reapedChildren;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(entry);
    if (child?.ppid === postmaster) ticks += child.own;
  }
  return ticks / TICKS_PER_SECOND;
}

/** Starts a node script; its output goes to the given file descriptor (a log file). */
export function startNode(script, { env, logFd, cwd, nodeOptions = [] }) {
  const child = spawn(process.execPath, [...nodeOptions, script], {
    cwd,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited };
}

/** Stops a child we started: SIGTERM, then SIGKILL after 10 s. */
export async function stopChild(started) {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 10_000);
  await started.exited;
  clearTimeout(timer);
}

/** Polls a URL on loopback until it answers 200, the child exits, or the time is up. */
export async function waitForHttp(url, started, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null)
      throw new Error(`the process exited with code ${started.child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}
