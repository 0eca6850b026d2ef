// `npm test`: the app's specs, TypeScript through babel.config.js. The server's (test/) run in Node; the
// components' (src/client/**/*.test.tsx) in jsdom, with Testing Library, their stylesheets and assets
// given by twelvepack's transform (a CSS module its class names, an image its file name).
const assetTransform = require.resolve('twelvepack/testing/assetTransform');

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src/client'],
      testMatch: ['**/*.test.tsx'],
      transform: {
        '\\.[cm]?[jt]sx?$': 'babel-jest',
        '\\.(css|png|jpe?g|gif|svg|webp|avif|ico|woff2?)$': assetTransform,
      },
    },
  ],
  // The server spec starts the built server in a child process.
  testTimeout: 30000,
};
