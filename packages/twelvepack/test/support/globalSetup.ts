// One real production build (client and server) per test run, shared by every
// test that needs one: built into a temp folder, so tests never depend on (or
// disturb) the developer's dist/.
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack from 'webpack';
import { createServerWebpackConfig } from '../../src/webpack/createServerWebpackConfig';
import { createWebpackConfig } from '../../src/webpack/createWebpackConfig';
import { loadConfig } from '../../src/config/loadConfig';
import { BUILD_DIR_VARIABLE } from './builtApp';

// The demo app at the top of the repository (until the toolkit specs get fixture apps of their own).
const ROOT = join(__dirname, '..', '..', '..', '..');

export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'twelvepack-test-build-'));
  // The server bundle requires its packages at run time, from node_modules beside dist/.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const loaded = loadConfig({ mode: 'production', dir, env: {} });
  const configs = [
    createWebpackConfig({ root: ROOT, loaded, outDir: join(dir, 'dist', 'client'), cache: false }),
    createServerWebpackConfig({ root: ROOT, outDir: join(dir, 'dist', 'server'), cache: false }),
  ];
  const stats = await new Promise<webpack.MultiStats>((resolve, reject) => {
    const compiler = webpack(configs);
    compiler.run((error, result) => compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result))));
  });
  if (stats.hasErrors()) throw new Error(`The test build failed:\n${stats.toString('errors-only')}`);
  process.env[BUILD_DIR_VARIABLE] = dir;
}
