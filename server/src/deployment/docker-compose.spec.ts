import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadConfig } from '../config/app-config.js';

// No Docker engine runs the tests, so the deployment files are checked as text: the compose file as
// Compose reads it, the Dockerfile by its instructions.

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const composeText = readFileSync(path.join(workspaceRoot, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(path.join(workspaceRoot, 'Dockerfile'), 'utf8');

interface Service {
  image?: string;
  build?: string | { context: string };
  environment?: Record<string, string> | string[];
  ports?: (string | { target: number; published: number | string })[];
  volumes?: (string | { type: string; source?: string; target: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test: string | string[] };
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** What an operator sets before `docker compose up`. */
const operatorEnvironment = {
  POSTGRES_PASSWORD: 'k3ep5ecretPassw0rd',
  SESSION_SECRET: 's'.repeat(48),
};

const compose = parse(composeText) as ComposeFile;
const { postgres, app } = compose.services;

describe('docker-compose.yml', () => {
  it('runs exactly a postgres service and the app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres']);
  });

  it('runs the official PostgreSQL 18 image with its data on a named volume', () => {
    expect(postgres.image).toMatch(/^postgres:18(\b|$)/);
    const volume = (postgres.volumes ?? [])
      .map(volumeMount)
      .find((mount) => mount.source === 'postgres-data');
    // PostgreSQL 18 images keep data in /var/lib/postgresql/18/docker and refuse a mount at .../data.
    expect(volume?.target).toBe('/var/lib/postgresql');
    expect(Object.keys(compose.volumes ?? {})).toContain('postgres-data');
  });

  it('creates the database and its owner from the environment, requiring a password', () => {
    const environment = environmentOf(postgres);
    expect(environment.POSTGRES_DB).toBeTruthy();
    expect(environment.POSTGRES_USER).toBeTruthy();
    expect(environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
  });

  it('checks PostgreSQL health with pg_isready', () => {
    const test = postgres.healthcheck?.test;
    const command = Array.isArray(test) ? test.join(' ') : (test ?? '');
    expect(command).toContain('pg_isready');
  });

  it('starts the app from this repository only once PostgreSQL is healthy', () => {
    const build = typeof app.build === 'string' ? app.build : app.build?.context;
    expect(build).toBe('.');
    expect(app.depends_on).toEqual({ postgres: expect.objectContaining({ condition: 'service_healthy' }) });
  });

  it('publishes the app on port 3000', () => {
    expect(app.ports?.map(String)).toEqual(['3000:3000']);
  });

  it('points the app at the postgres service with the credentials PostgreSQL is created with', () => {
    const appEnvironment = resolved(environmentOf(app));
    const postgresEnvironment = resolved(environmentOf(postgres));
    const url = new URL(appEnvironment.DATABASE_URL);
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('postgres');
    expect(url.port || '5432').toBe('5432');
    expect(url.username).toBe(postgresEnvironment.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(postgresEnvironment.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${postgresEnvironment.POSTGRES_DB}`);
  });

  it('refuses to start without a SESSION_SECRET from the operator', () => {
    expect(environmentOf(app).SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?.+\}$/);
  });

  it('gives the app an environment the server accepts, outside demo mode', () => {
    const config = loadConfig(resolved(environmentOf(app)), '/app');
    expect(config.demoMode).toBe(false);
    expect(config.databaseUrl).toContain('@postgres:5432/');
    expect(config.secureCookies).toBe(true);
  });
});

describe('Dockerfile', () => {
  const instructions = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const lastFrom = instructions.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  const runtimeStage = instructions.slice(lastFrom);

  it('builds on and runs on node:24-bookworm-slim', () => {
    const bases = instructions.filter((line) => /^FROM\s/i.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toBe('node:24-bookworm-slim');
  });

  it('runs the server as an unprivileged user', () => {
    const users = runtimeStage.filter((line) => /^USER\s/i.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    const runsAs = users[users.length - 1].split(':')[0];
    expect(['root', '0']).not.toContain(runsAs);
  });

  it('installs production dependencies only in the runtime stage', () => {
    expect(runtimeStage.some((line) => /^RUN\s.*npm ci\b.*--omit=dev/.test(line))).toBe(true);
  });

  it('listens on all interfaces on port 3000 and checks /api/health', () => {
    expect(runtimeStage.some((line) => /^ENV\s.*HOST=0\.0\.0\.0/.test(line))).toBe(true);
    expect(runtimeStage).toContain('EXPOSE 3000');
    expect(runtimeStage.find((line) => /^HEALTHCHECK\s/.test(line))).toContain('/api/health');
  });
});

function environmentOf(service: Service): Record<string, string> {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) return environment;
  return Object.fromEntries(
    environment.map((entry) => {
      const equals = entry.indexOf('=');
      return [entry.slice(0, equals), entry.slice(equals + 1)];
    }),
  );
}

/** Compose's interpolation of `${NAME}`, `${NAME:-default}` and `${NAME:?message}`, with `$$` for `$`. */
function resolved(environment: Record<string, string>): Record<string, string> {
  const variables: Record<string, string> = operatorEnvironment;
  const interpolate = (value: string) =>
    value
      .replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, rest?: string) => {
        if (variables[name]) return variables[name];
        if (kind === '?') throw new Error(`${name} is required: ${rest}`);
        return rest ?? '';
      })
      .replace(/\$\$/g, '$');
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, interpolate(String(value))]),
  );
}

function volumeMount(volume: string | { source?: string; target: string }): {
  source?: string;
  target: string;
} {
  if (typeof volume !== 'string') return volume;
  const [source, target] = volume.split(':');
  return { source, target };
}
