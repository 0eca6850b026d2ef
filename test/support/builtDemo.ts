/** Set by globalSetup: the folder holding the build the demo's specs run (its dist/, and node_modules). */
export const APP_BUILD_DIR_VARIABLE = 'DEMO_TEST_BUILD_DIR';

/** Set by globalSetup only when it built into a temp folder: the one folder globalTeardown removes. */
export const APP_TEMP_BUILD_VARIABLE = 'DEMO_TEST_TEMP_BUILD_DIR';

/** The demo's test build, made (or found fresh) once per run by globalSetup. Specs only read it. */
export function builtDemoDir(): string {
  const dir = process.env[APP_BUILD_DIR_VARIABLE];
  if (dir === undefined) throw new Error(`${APP_BUILD_DIR_VARIABLE} is not set: run the tests through jest (test/support/globalSetup.ts builds the demo).`);
  return dir;
}
