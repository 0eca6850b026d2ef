// `npm test`: the app's own specs and the toolkit's, in one run.
// testTimeout and reporters are settings of the whole run, not of a project.
const { testTimeout, reporters, ...toolkit } = require('./packages/twelvepack/jest.config');

/** @type {import('jest').Config} */
module.exports = {
  // Real webpack builds take seconds each on a 2-core machine (for the projects too).
  testTimeout,
  reporters,
  projects: [
    toolkit,
    {
      displayName: 'app',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      // One real production build of the demo per run, shared by its specs.
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
  ],
};
