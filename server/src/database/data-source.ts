import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/** TypeORM options for one database URL. The schema comes only from migrations, never synchronize. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: 20, connectionTimeoutMillis: 5000, keepAlive: true, application_name: 'infusion-tracker' },
  };
}

/**
 * The options the running API uses: bounded waits, so that a database that is down, restarting or
 * stuck answers 503 within seconds instead of hanging a request. Connecting (and waiting for a free
 * pooled connection) 5 s, one statement 30 s (the server cancels it; the client gives up 5 s later if
 * the server does not answer at all), a transaction left idle 60 s. Migrations and the data generators
 * keep the plain options: they may legitimately run long statements.
 */
export function servingDataSourceOptions(url: string): DataSourceOptions {
  const options = dataSourceOptions(url);
  return {
    ...options,
    extra: {
      ...options.extra,
      statement_timeout: 30_000,
      query_timeout: 35_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  } as DataSourceOptions;
}

/** Brings the database up to date; returns the names of the migrations it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations();
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
