// CommonJS on purpose: a jest.config.ts would need ts-node, which the workspace does not install.
module.exports = {
  displayName: 'client',
  // A component's first test compiles and renders it; on a loaded 2-core machine that alone can pass 5 s.
  testTimeout: 20000,
  preset: 'jest-preset-angular',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '<rootDir>/../coverage/client',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  moduleNameMapper: {
    '^@infusion-tracker/clinical$': '<rootDir>/../libs/clinical/src/index.ts',
    // libs/clinical is ESM TypeScript: its relative imports name the .js file the compiler will emit.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
