// One real production build of the demo (client and server) per test run, for
// the app's specs: built into a temp folder, never touching dist/.
import { join } from 'node:path';
import { buildApp } from 'twelvepack/testing';
import app from '../../src/app';
import { APP_BUILD_DIR_VARIABLE } from './builtDemo';

export default async function globalSetup(): Promise<void> {
  process.env[APP_BUILD_DIR_VARIABLE] = await buildApp({ root: join(__dirname, '..', '..'), app });
}
