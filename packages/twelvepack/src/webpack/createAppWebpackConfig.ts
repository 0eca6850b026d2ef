import { join } from 'node:path';
import type { Configuration } from 'webpack';
import type { AnyApp } from '../config/AppManifest';
import { loadAppConfigOrExit } from '../config/loadAppConfig';
import { createServerWebpackConfig } from './createServerWebpackConfig';
import { createWebpackConfig } from './createWebpackConfig';

/** What webpack-cli passes to a config function. */
type Argv = { readonly mode?: 'production' | 'development' };

/**
 * An app's whole webpack configuration, for its webpack.config.ts:
 * `export default createAppWebpackConfig(app, __dirname)`. When webpack-cli
 * calls it, it loads the configuration (the toolkit's variables and the app's,
 * every problem reported at once) and returns the browser and server builds.
 */
export function createAppWebpackConfig(app: AnyApp, root: string) {
  return (_env: unknown, argv: Argv = {}): Configuration[] => {
    const mode = argv.mode ?? 'production';
    const loaded = loadAppConfigOrExit(app, { mode, dir: root });
    return [
      createWebpackConfig({ root, mode, loaded, pages: app.pages, publicDir: app.publicDir, report: true }),
      createServerWebpackConfig({ root, mode, manifest: join(root, 'src', 'app') }),
    ];
  };
}
