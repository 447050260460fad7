import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerProcess {
  /** http://127.0.0.1:port */
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves when it has exited, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (a clean stop), or SIGKILL after 10 s. */
  stop: () => Promise<void>;
}

const root = path.resolve(process.cwd());
const register = path.join(root, 'server/src/testing/register-typescript.mjs');
const main = path.join(root, 'server/src/main.ts');

export const TEST_SESSION_SECRET = 'test-secret-'.padEnd(40, 'x');

/** The banner line main.ts prints once it listens, naming the port it bound. */
const RUNNING_AT = /is running at http:\/\/[^:/]+:(\d+)\//;

/**
 * Starts the real server (server/src/main.ts, as `npm start` runs it, compiled on the fly) as a child
 * process on the given database, and waits until it listens and its /api/health answers 200.
 *
 * The child binds PORT=0 (a port the system picks) and the URL comes from its own banner: a port
 * chosen here and handed over could be taken meanwhile by another test's server, whose health check
 * would then answer for it.
 */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', register, main], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SESSION_SECRET: TEST_SESSION_SECRET,
      COOKIE_SECURE: 'false',
      DEMO_MODE: 'false',
      LOG_LEVEL: 'warn',
      CLIENT_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let url = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000; // compiling from source on a busy shared machine is slow
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within 180 s:\n${output}`);
    }
    const port = RUNNING_AT.exec(output)?.[1];
    try {
      if (port && (await fetch(`http://127.0.0.1:${port}/api/health`)).ok) {
        url = `http://127.0.0.1:${port}`;
        break;
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return { url, child, output: () => output, exited, stop };
}
