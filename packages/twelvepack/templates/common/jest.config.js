// `npm test`: the app's specs (test/), in Node, TypeScript through babel.config.js.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The server spec starts the built server in a child process.
  testTimeout: 30000,
};
