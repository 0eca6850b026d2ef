// One real production build of the demo (client and server) per test run, for
// the app's specs. The build `npm install` made is reused when its stamp says
// it is exactly what this build would make (findFreshBuild); otherwise the
// demo is built into a temp folder, never touching dist/.
import { join } from 'node:path';
import { buildApp, findFreshBuild } from 'twelvepack/testing';
import app from '../../src/app';
import { APP_BUILD_DIR_VARIABLE, APP_TEMP_BUILD_VARIABLE } from './builtDemo';

export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const fresh = findFreshBuild({ root, app });
  if (fresh !== undefined) {
    process.stdout.write(`\napp specs: using the demo's dist/ (its build stamp matches the sources and an empty environment): no second build.\n`);
    process.env[APP_BUILD_DIR_VARIABLE] = fresh;
    return;
  }
  process.stdout.write(`\napp specs: the demo's dist/ is missing or not built from these sources: building it into a temp folder.\n`);
  const built = await buildApp({ root, app });
  process.env[APP_BUILD_DIR_VARIABLE] = built;
  process.env[APP_TEMP_BUILD_VARIABLE] = built;
}
