/** The toolkit's specs: `npm test -w twelvepack` alone, or as a project of the app's `npm test`. */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'twelvepack',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Fixtures are projects that webpack builds, not modules jest should index.
  modulePathIgnorePatterns: ['<rootDir>/test/.*/fixtures/'],
  // Real webpack builds take seconds each on a 2-core machine.
  testTimeout: 120000,
  // One real production build per run, shared by the server specs.
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  reporters: ['default', require.resolve('./src/testing/summaryReporter.js')],
};
