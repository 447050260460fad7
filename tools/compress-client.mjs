// Part of the client build: writes a brotli (.br) and a gzip (.gz) copy beside each text file of the
// built client, at the highest levels, once, so the server sends them as they are (@fastify/static
// `preCompressed`) instead of compressing on every request or not at all. A copy that would not be
// smaller is not written. Prints the first-load transfer sizes.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|map|xml|ico)$/;
const MIN_BYTES = 1024;

const folder = path.resolve(process.argv[2] ?? 'dist/client/browser');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const totals = { raw: 0, gzip: 0, brotli: 0 };
for (const file of [...files(folder)]) {
  if (/\.(br|gz)$/.test(file)) {
    unlinkSync(file); // from an earlier run over the same folder
    continue;
  }
  if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
  const raw = readFileSync(file);
  const brotli = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
  if (brotli.length < raw.length) writeFileSync(`${file}.br`, brotli);
  if (gzip.length < raw.length) writeFileSync(`${file}.gz`, gzip);
  if (/\.(js|css)$/.test(file)) {
    totals.raw += raw.length;
    totals.gzip += Math.min(gzip.length, raw.length);
    totals.brotli += Math.min(brotli.length, raw.length);
  }
}
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
process.stdout.write(
  `compress-client: JavaScript and CSS ${kb(totals.raw)}, gzip ${kb(totals.gzip)}, brotli ${kb(totals.brotli)} (${folder})\n`,
);
