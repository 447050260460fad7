// Module hooks that let a child process run the server from its TypeScript sources, compiled by SWC with
// decorator metadata exactly as jest does (server/jest.config.cjs). Tests that need real server
// processes (kill -9, two processes on one database) use them, so they test the code as it is now,
// not whatever build is lying in dist/.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from '@swc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const clinical = pathToFileURL(path.join(root, 'libs/clinical/src/index.ts')).href;

export async function resolve(specifier, context, next) {
  if (specifier === '@infusion-tracker/clinical') return { url: clinical, shortCircuit: true };
  if (context.parentURL?.endsWith('.ts') && /^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(typescript))) return { url: typescript.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = await transform(await readFile(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
