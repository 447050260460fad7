// `npm start`: build the server and the client (Nx replays unchanged builds from its cache), then run
// the production server with this process's environment. Signals go to the running child and the exit
// code is the child's, so `npm start` behaves like running the server itself.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nxPackage = createRequire(import.meta.url).resolve('nx/package.json');
const nx = path.join(path.dirname(nxPackage), JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);

let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // A terminal's Ctrl+C reaches the child as well; forwarding again is harmless (it stops once).
  process.on(signal, () => child?.kill(signal));
}

function run(args) {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      child = null;
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

const built = await run([nx, 'run-many', '-t', 'build', '-p', 'server', 'client', '--outputStyle=static']);
if (built !== 0) {
  process.stderr.write('infusion-tracker: the build failed (see above), so the server was not started.\n');
  process.exit(built);
}
process.exit(await run(['dist/server/server/src/main.js']));
