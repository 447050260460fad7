import { ConfigError, loadConfig } from './app-config.js';

const root = '/nonexistent-workspace';

describe('loadConfig', () => {
  it('runs in demo mode on the embedded database when DATABASE_URL is not set', () => {
    const config = loadConfig({}, root);
    expect(config.databaseUrl).toBeNull();
    expect(config.demoMode).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.embeddedPostgres.port).not.toBe(5432);
    expect(config.embeddedPostgres.dataDir).toBe('/nonexistent-workspace/.data/postgres');
    expect(config.wardTimeZone).toBe('Australia/Sydney');
    expect(config.idleTimeoutMinutes).toBe(15);
    expect(config.clientDir).toBeNull();
  });

  it('requires SESSION_SECRET outside demo mode and names it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/app' }, root)).toThrow(/SESSION_SECRET/);
  });

  it('accepts a real server with a long enough secret', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://u:p@db:5432/app', SESSION_SECRET: 'x'.repeat(32), PORT: '8080' },
      root,
    );
    expect(config.demoMode).toBe(false);
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://db/app' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    [{ WARD_TIME_ZONE: 'Mars/Olympus' }, /WARD_TIME_ZONE must be an IANA time zone/],
    [{ DEMO_MODE: 'perhaps' }, /DEMO_MODE must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env, root)).toThrow(ConfigError);
    expect(() => loadConfig(env, root)).toThrow(message);
  });
});
