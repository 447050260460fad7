// npm run db:migration:generate -- AddSomething
// Writes server/src/database/migrations/<timestamp>-add-something.ts from the difference between the
// entities and the database (the embedded one must be running, e.g. under `npm start`, or set
// DATABASE_URL). Review it, list it in migrations/index.ts, and never edit it after it lands.
import { execFileSync } from 'node:child_process';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run db:migration:generate -- AddSomething   (PascalCase, says what it does)');
  process.exit(1);
}
execFileSync(
  'npx',
  [
    'typeorm',
    'migration:generate',
    '-d',
    'dist/server/server/src/database/cli-data-source.js',
    '--pretty',
    `server/src/database/migrations/${name}`,
  ],
  { stdio: 'inherit' },
);
