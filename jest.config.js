/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Fixtures are projects that webpack builds, not modules jest should index.
  modulePathIgnorePatterns: ['<rootDir>/test/.*/fixtures/'],
  // Real webpack builds take seconds each on a 2-core machine.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
