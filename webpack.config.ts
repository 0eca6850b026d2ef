// Wiring only: load the configuration from the environment, hand it to the toolkit's factories.
import { createServerWebpackConfig, createWebpackConfig, loadConfigOrExit } from 'twelvepack/webpack';

export default (_env: unknown, argv: { mode?: 'production' | 'development' }) => {
  const mode = argv.mode ?? 'production';
  const loaded = loadConfigOrExit({ mode, dir: __dirname });
  return [createWebpackConfig({ root: __dirname, mode, loaded, report: true }), createServerWebpackConfig({ root: __dirname, mode })];
};
