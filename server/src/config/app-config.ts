import { existsSync } from 'node:fs';
import path from 'node:path';

/** Everything the server reads from its environment, validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** null: run on the embedded PostgreSQL below. */
  databaseUrl: string | null;
  embeddedPostgres: { dataDir: string; port: number; password: string };
  demoMode: boolean;
  sessionSecret: string;
  wardName: string;
  wardTimeZone: string;
  idleTimeoutMinutes: number;
  sessionLifetimeHours: number;
  secureCookies: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the built Angular client, served on the same port; null when absent (API only). */
  clientDir: string | null;
  /**
   * The chart renderer the client build writes (dist/client/chart-renderer.mjs): draws the stay's chart as
   * SVG for the admission page's first paint (ADR 12); null when absent (the page then draws it alone).
   */
  chartRenderer: string | null;
  /** The client build's page renderer (ADR 13): the admission page rendered on the server; none without. */
  pageRenderer: string | null;
  // Patient-reported follow-ups (issue 13)
  /** The service's phone number, on the patient page and the letter. */
  servicePhone: string | null;
  /** Days a patient link works after it is issued. */
  patientLinkDays: number;
}

/** A bad environment: the message names the variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEMO_SESSION_SECRET = 'demo-only-session-secret-not-for-real-patients';

export function loadConfig(env: Env = process.env, workspaceRoot = process.cwd()): AppConfig {
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl !== null) checkDatabaseUrl('DATABASE_URL', databaseUrl);
  const demoMode = booleanVar(env, 'DEMO_MODE', databaseUrl === null);
  const sessionSecret = optional(env, 'SESSION_SECRET');
  if (!demoMode && sessionSecret === null) {
    throw new ConfigError('SESSION_SECRET is required outside demo mode (at least 32 random characters).');
  }
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
  const builtClient = path.resolve(workspaceRoot, 'dist/client/browser');
  const clientDir = optional(env, 'CLIENT_DIR') ?? (existsSync(builtClient) ? builtClient : null);
  const builtRenderer = path.resolve(workspaceRoot, 'dist/client/chart-renderer.mjs');
  const chartRenderer = optional(env, 'CHART_RENDERER') ?? (existsSync(builtRenderer) ? builtRenderer : null);
  const builtPages = path.resolve(workspaceRoot, 'dist/client/server/server.mjs');
  const pageRenderer = optional(env, 'PAGE_RENDERER') ?? (existsSync(builtPages) ? builtPages : null);

  return {
    port: integerVar(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    databaseUrl,
    embeddedPostgres: {
      dataDir: path.resolve(workspaceRoot, optional(env, 'EMBEDDED_PG_DATA_DIR') ?? '.data/postgres'),
      port: integerVar(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
      password: optional(env, 'EMBEDDED_PG_PASSWORD') ?? 'infusion-tracker-local',
    },
    demoMode,
    sessionSecret: sessionSecret ?? DEMO_SESSION_SECRET,
    wardName: optional(env, 'WARD_NAME') ?? 'Pain Medicine Unit',
    wardTimeZone: timeZoneVar(env, 'WARD_TIME_ZONE', 'Australia/Sydney'),
    idleTimeoutMinutes: integerVar(env, 'SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
    sessionLifetimeHours: integerVar(env, 'SESSION_MAX_HOURS', 12, 1, 7 * 24),
    secureCookies: booleanVar(env, 'COOKIE_SECURE', !demoMode),
    logLevel: enumVar(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    clientDir,
    chartRenderer,
    pageRenderer,
    // Patient-reported follow-ups (issue 13)
    servicePhone: optional(env, 'SERVICE_PHONE'),
    patientLinkDays: integerVar(env, 'PATIENT_LINK_DAYS', 21, 1, 90),
  };
}

function optional(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integerVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return Number(raw);
}

function booleanVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined || raw === null) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}".`);
}

function enumVar<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${raw}".`);
  }
  return raw as T;
}

function timeZoneVar(env: Env, name: string, fallback: string): string {
  const zone = optional(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ConfigError(`${name} must be an IANA time zone such as Australia/Sydney, not "${zone}".`);
  }
  return zone;
}

export function checkDatabaseUrl(name: string, url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      `${name} is not a valid URL (expected postgres://user:password@host:5432/database).`,
    );
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError(
      `${name} must be a postgres:// URL with a host (expected postgres://user:password@host:5432/database).`,
    );
  }
}

/** The URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
