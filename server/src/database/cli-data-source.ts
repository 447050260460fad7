import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';

/**
 * For TypeORM's CLI (`npm run db:migration:generate -- Name`): compares the entities with the database
 * at DATABASE_URL (or the embedded one's default address) and writes a migration to review.
 */
const config = loadConfig();
const url =
  config.databaseUrl ??
  `postgres://postgres:${encodeURIComponent(config.embeddedPostgres.password)}@127.0.0.1:${config.embeddedPostgres.port}/infusion_tracker`;

export default new DataSource(dataSourceOptions(url));
