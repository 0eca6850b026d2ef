import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import webpack from 'webpack';
import type { AnyApp } from '../config/AppManifest';
import { loadAppConfig } from '../config/loadAppConfig';
import { createServerWebpackConfig } from '../webpack/createServerWebpackConfig';
import { createClientWebpackConfigs } from '../webpack/createClientWebpackConfigs';

/** Options for {@link buildApp}. */
export interface BuildAppOptions {
  /** The app's folder (its src/app.ts, pages and public folder). */
  readonly root: string;
  /** The app's manifest (the default export of its src/app.ts). */
  readonly app: AnyApp;
  /** The environment the build sees; nothing else (no `.env` file, not the real environment). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * A real production build of an app (client and server) into a fresh temp
 * folder, as `npm run build` makes it, without touching the app's own dist/.
 * The folder gets a link to the installed packages, since the server bundle
 * requires them at run time. Returns the folder; remove it when done.
 */
export async function buildApp({ root, app, env = {} }: BuildAppOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'twelvepack-test-build-'));
  symlinkSync(join(dirname(require.resolve('webpack/package.json')), '..'), join(dir, 'node_modules'), 'dir');
  const loaded = loadAppConfig(app, { mode: 'production', dir, env });
  const configs = [
    ...createClientWebpackConfigs({ root, loaded, outDir: join(dir, 'dist', 'client'), pages: app.pages, publicDir: app.publicDir, cache: false, appHook: app.webpack }),
    createServerWebpackConfig({ root, loaded, outDir: join(dir, 'dist', 'server'), manifest: join(root, 'src', 'app'), cache: false, appHook: app.webpack }),
  ];
  const stats = await new Promise<webpack.MultiStats>((resolve, reject) => {
    const compiler = webpack(configs);
    compiler.run((error, result) => compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result))));
  });
  if (stats.hasErrors()) throw new Error(`The test build of ${root} failed:\n${stats.toString('errors-only')}`);
  return dir;
}
