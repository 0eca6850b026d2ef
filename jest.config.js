/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Fixtures are projects that webpack builds, not modules jest should index.
  modulePathIgnorePatterns: ['<rootDir>/test/.*/fixtures/'],
  // Real webpack builds take seconds each on a 2-core machine.
  testTimeout: 120000,
  // One real production build per run, shared by the server tests.
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
