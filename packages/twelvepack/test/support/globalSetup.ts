// One real production build (client and server) of the toolkit's fixture app
// per test run, shared by every spec that needs one: built into a temp folder,
// so specs never depend on (or disturb) any app's dist/.
import { buildApp } from '../../src/testing/buildApp';
import fixture from '../fixtures/server-app/src/app';
import { BUILD_DIR_VARIABLE, FIXTURE_APP_DIR } from './builtApp';

export default async function globalSetup(): Promise<void> {
  process.env[BUILD_DIR_VARIABLE] = await buildApp({ root: FIXTURE_APP_DIR, app: fixture });
}
