// CommonJS on purpose: a jest.config.ts would need ts-node, which the workspace does not install.
module.exports = {
  displayName: 'client',
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
