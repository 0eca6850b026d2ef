import { join } from 'node:path';
import type { Configuration } from 'webpack';
import type { AnyApp } from '../config/AppManifest';
import { loadAppConfigOrExit } from '../config/loadAppConfig';
import { orExit } from '../config/loadConfig';
import { createServerWebpackConfig } from './createServerWebpackConfig';
import { createClientWebpackConfigs } from './createClientWebpackConfigs';
import { OUT_DIR_ENV } from './outDirEnv';

/** What webpack-cli passes to a config function: `--env key=value` pairs, and its own options. */
type Env = { readonly [OUT_DIR_ENV]?: string };
type Argv = { readonly mode?: 'production' | 'development' };


/**
 * An app's whole webpack configuration, for its webpack.config.ts:
 * `export default createAppWebpackConfig(app, __dirname)`. When webpack-cli
 * calls it, it loads the configuration (the toolkit's variables and the app's,
 * every problem reported at once) and returns the browser builds (modern and legacy) and the server build,
 * into `dist/client` and `dist/server` (or the folder `--env twelvepackOutDir=…` names), each through the app's
 * `webpack` hook when it has one.
 */
export function createAppWebpackConfig(app: AnyApp, root: string) {
  return (env: Env = {}, argv: Argv = {}): Configuration[] => {
    const mode = argv.mode ?? 'production';
    const loaded = loadAppConfigOrExit(app, { mode, dir: root });
    const outDir = env[OUT_DIR_ENV] ?? join(root, 'dist');
    const appHook = app.webpack;
    // A hook that returns no configuration is reported as a declaration problem is: its message, exit 1.
    return orExit(() => [
      ...createClientWebpackConfigs({ root, mode, loaded, outDir: join(outDir, 'client'), pages: app.pages, publicDir: app.publicDir, report: true, reportedOutDir: join(root, 'dist', 'client'), appHook }),
      createServerWebpackConfig({ root, mode, loaded, outDir: join(outDir, 'server'), manifest: join(root, 'src', 'app'), appHook }),
    ]);
  };
}
