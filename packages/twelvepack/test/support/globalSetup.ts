// Once per test run, shared by every spec that needs it, in temp folders (specs
// never depend on, or disturb, any app's dist/): the toolkit packed as a
// tarball, as a release makes it (its prepare compiles dist/ first, before any
// spec starts), and one real production build (client and server) of the
// toolkit's fixture app.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/testing/buildApp';
import fixture from '../fixtures/server-app/src/app';
import { BUILD_DIR_VARIABLE, FIXTURE_APP_DIR } from './builtApp';
import { packToolkit, TARBALL_VARIABLE } from './packedToolkit';

export default async function globalSetup(): Promise<void> {
  process.env[TARBALL_VARIABLE] = packToolkit(mkdtempSync(join(tmpdir(), 'twelvepack-test-pack-')));
  process.env[BUILD_DIR_VARIABLE] = await buildApp({ root: FIXTURE_APP_DIR, app: fixture });
}
