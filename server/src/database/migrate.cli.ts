import { loadConfig } from '../config/app-config.js';
import { runMigrations } from './data-source.js';
import { openDatabaseServer } from './database-server.js';

/** `npm run db:migrate`: brings the configured database (DATABASE_URL, else the embedded one) up to date. */
const config = loadConfig();
const database = await openDatabaseServer(config, () => undefined);
try {
  const ran = await runMigrations(database.url);
  process.stdout.write(
    ran.length ? `Ran ${ran.length} migration(s): ${ran.join(', ')}\n` : 'The database is up to date.\n',
  );
} finally {
  await database.stop();
}
