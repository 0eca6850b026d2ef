/** Set by globalSetup: the folder holding the demo's test build (dist/ and a node_modules link). */
export const APP_BUILD_DIR_VARIABLE = 'DEMO_TEST_BUILD_DIR';

/** The demo's test build, made once per run by globalSetup. */
export function builtDemoDir(): string {
  const dir = process.env[APP_BUILD_DIR_VARIABLE];
  if (dir === undefined) throw new Error(`${APP_BUILD_DIR_VARIABLE} is not set: run the tests through jest (test/support/globalSetup.ts builds the demo).`);
  return dir;
}
