// Part of the client build: the build renders the admission page on the server (ADR 13) and writes the
// index page of every other page, which the browser renders, as index.csr.html. The API server serves it
// as index.html, as before.
import { renameSync } from 'node:fs';
import path from 'node:path';

const folder = path.resolve(process.argv[2] ?? 'dist/client/browser');
renameSync(path.join(folder, 'index.csr.html'), path.join(folder, 'index.html'));
console.log(`client-index: ${path.relative(process.cwd(), path.join(folder, 'index.html'))}`);
