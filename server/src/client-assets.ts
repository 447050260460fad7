import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import path from 'node:path';

/** Angular's hashed file names, e.g. main-2X4QK7ZB.js: safe to cache forever. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css|woff2?|ttf|svg|png)$/;

export function cacheControlFor(filePath: string): string {
  // A precompressed copy (main-2X4QK7ZB.js.br) is cached as the file it encodes.
  const served = path.basename(filePath).replace(/\.(br|gz)$/, '');
  return HASHED_ASSET.test(served) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built Angular client on the same port as the API: the brotli or gzip copy the client
 * build wrote beside each file (tools/compress-client.mjs) when the browser accepts it, with
 * `Vary: Accept-Encoding`, else the file itself.
 */
export function serveClient(app: NestFastifyApplication, clientDir: string): void {
  app.useStaticAssets({
    root: clientDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    preCompressed: true,
    // @fastify/static 10 passes the Fastify reply here; Nest's option type still names the raw response.
    setHeaders: (reply: unknown, filePath: string) => {
      (reply as FastifyReply).header('cache-control', cacheControlFor(filePath));
    },
  });
}
