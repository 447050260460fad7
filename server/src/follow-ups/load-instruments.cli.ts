import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions, runMigrations } from '../database/data-source.js';
import { openDatabaseServer } from '../database/database-server.js';
import { InstrumentFileRejected, loadInstrumentFile } from './instrument-catalogue.js';

const USAGE = `Loads questionnaire definitions (a licensed BPI, for instance) into the database.
  npm run instruments:load -- path/to/bpi-interference.json
The file holds one definition or a list of them; docs/instruments.md describes the shape.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { help: { type: 'boolean', default: false } },
});

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length !== 1) {
  process.stderr.write(`instruments:load: give one file.\n\n${USAGE}\n`);
  process.exit(1);
}

const text = await readFile(positionals[0], 'utf8').catch((error: Error) => {
  process.stderr.write(`instruments:load: cannot read ${positionals[0]}: ${error.message}\n`);
  process.exit(1);
});
const config = loadConfig();
const database = await openDatabaseServer(config, () => undefined);
try {
  await runMigrations(database.url);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  await dataSource.initialize();
  try {
    for (const loaded of await loadInstrumentFile(dataSource.manager, text)) {
      process.stdout.write(`${loaded.code} ${loaded.version}: ${loaded.result}\n`);
    }
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  const lines = error instanceof InstrumentFileRejected ? error.problems : [(error as Error).message];
  process.stderr.write(`instruments:load: not loaded:\n${lines.map((line) => `  - ${line}`).join('\n')}\n`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
