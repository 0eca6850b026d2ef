import { join } from 'node:path';

/** Set by globalSetup: the folder holding the test run's `dist/` (and a node_modules link). */
export const BUILD_DIR_VARIABLE = 'TWELVEPACK_TEST_BUILD_DIR';

/** The toolkit's fixture app: what its server specs build and serve (never the demo). */
export const FIXTURE_APP_DIR = join(__dirname, '..', 'fixtures', 'server-app');

/** The folder of the shared test build: `<dir>/dist/client`, `<dir>/dist/server/main.js`. */
export function builtAppDir(): string {
  const dir = process.env[BUILD_DIR_VARIABLE];
  if (dir === undefined) throw new Error(`${BUILD_DIR_VARIABLE} is not set: run the tests through jest (test/support/globalSetup.ts builds the app).`);
  return dir;
}

/** `dist/client` of the shared test build. */
export const builtClientDir = (): string => join(builtAppDir(), 'dist', 'client');

/** `dist/server/main.js` of the shared test build. */
export const builtServerEntry = (): string => join(builtAppDir(), 'dist', 'server', 'main.js');
