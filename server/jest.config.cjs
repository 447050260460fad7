// Server tests run in Jest's native ESM mode (NestJS 12 ships ES modules only), compiled by SWC with
// decorator metadata, against real PostgreSQL (see src/testing/).
const path = require('node:path');
const { buildSync } = require('esbuild');

/**
 * CommonJS packages (@fastify/static, @fastify/cookie, light-my-request) require() a few ES-module-only
 * packages. Node 20.19+ allows that, but Jest's module loader only does so on Node 24.9+, so under Jest
 * we map those packages to CommonJS bundles of themselves.
 */
function commonJsBundles(packages) {
  const outDir = path.join(__dirname, '../node_modules/.cache/jest-cjs');
  return Object.fromEntries(
    packages.map((name) => {
      const outfile = path.join(outDir, `${name}.cjs`);
      buildSync({
        entryPoints: [require.resolve(name)],
        bundle: true,
        format: 'cjs',
        platform: 'node',
        outfile,
        logLevel: 'error',
      });
      return [`^${name}$`, outfile];
    }),
  );
}

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'server',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    ...commonJsBundles(['content-disposition', 'cookie']),
    '^@infusion-tracker/clinical$': '<rootDir>/../libs/clinical/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
