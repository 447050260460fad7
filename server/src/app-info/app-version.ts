import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    return JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return process.env.npm_package_version ?? 'unknown';
  }
}

export const APP_VERSION = readVersion();
