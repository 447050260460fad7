import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import path from 'node:path';

/** Angular's hashed file names, e.g. main-2X4QK7ZB.js: safe to cache forever. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css|woff2?|ttf|svg|png)$/;

/** Serves the built Angular client on the same port as the API. */
export function serveClient(app: NestFastifyApplication, clientDir: string): void {
  app.useStaticAssets({
    root: clientDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (response, filePath) => {
      const cacheControl = HASHED_ASSET.test(path.basename(filePath))
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
      response.setHeader('cache-control', cacheControl);
    },
  });
}
