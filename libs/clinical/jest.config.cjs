// Plain CommonJS so jest needs no TypeScript loader to read its own configuration.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'clinical',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Sources import each other with explicit `.js` suffixes (required by the NodeNext server build);
  // jest resolves those to the `.ts` files.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  coverageDirectory: '../../coverage/libs/clinical',
};
