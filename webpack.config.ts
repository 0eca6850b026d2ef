// Wiring only: load the configuration from the environment, hand it to the factories.
import { createServerWebpackConfig } from './src/build/createServerWebpackConfig';
import { createWebpackConfig } from './src/build/createWebpackConfig';
import { loadConfigOrExit } from './src/config/loadConfig';

export default (_env: unknown, argv: { mode?: 'production' | 'development' }) => {
  const mode = argv.mode ?? 'production';
  const loaded = loadConfigOrExit({ mode, dir: __dirname });
  return [createWebpackConfig({ root: __dirname, mode, loaded, report: true }), createServerWebpackConfig({ root: __dirname, mode })];
};
