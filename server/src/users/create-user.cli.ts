import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module.js';
import { passwordProblem } from '../auth/password-policy.js';
import { ROLES, type Role } from '../auth/roles.js';
import { loadConfig } from '../config/app-config.js';
import { runMigrations } from '../database/data-source.js';
import { openDatabaseServer } from '../database/database-server.js';
import { USERNAME_PATTERN } from './dto/create-user.request.js';
import { UsersService } from './users.service.js';

const USAGE = `Creates a user (the first admin of a real installation, for instance).
  npm run user:create -- --username jsmith --display-name "Jo Smith" --admin
  npm run user:create -- --username jsmith --display-name "Jo Smith" --roles nurse,prescriber
The password is read from NEW_USER_PASSWORD or asked for; the user must change it at first sign-in.`;

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    admin: { type: 'boolean', default: false },
    roles: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`user:create: ${message}\n\n${USAGE}\n`);
  process.exit(1);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const username = values.username?.toLowerCase() ?? fail('--username is required.');
if (!USERNAME_PATTERN.test(username))
  fail('--username must be 2-64 lower-case letters, digits, dots, dashes or underscores.');
const displayName = values['display-name'] ?? fail('--display-name is required.');
const roles = [
  ...new Set([
    ...(values.admin ? ['admin'] : []),
    ...(values.roles?.split(',').map((role) => role.trim()) ?? []),
  ]),
];
if (roles.length === 0) fail('give --admin or --roles.');
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (unknown.length > 0) fail(`unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}.`);

const password = process.env.NEW_USER_PASSWORD ?? (await ask(`Temporary password for ${username}: `));
const problem = passwordProblem(password);
if (problem) fail(`the password ${problem}.`);

const config = loadConfig();
const database = await openDatabaseServer(config, () => undefined);
try {
  await runMigrations(database.url);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), {
    logger: false,
  });
  try {
    const user = await app
      .get(UsersService)
      .create(null, { username, displayName, roles: roles as Role[], password });
    process.stdout.write(
      `Created ${user.username} (${user.roles.join(', ')}). They must change the password at first sign-in.\n`,
    );
  } finally {
    await app.close();
  }
} catch (error) {
  process.stderr.write(`user:create: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.stop();
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail('set NEW_USER_PASSWORD when there is no terminal to ask on.');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}
