// Wiring only: load the configuration from the environment, hand it to the factory.
import { createWebpackConfig } from './src/build/createWebpackConfig';
import { loadConfigOrExit } from './src/config/loadConfig';

export default (_env: unknown, argv: { mode?: 'production' | 'development' }) => {
  const mode = argv.mode ?? 'production';
  return createWebpackConfig({ root: __dirname, mode, loaded: loadConfigOrExit({ mode, dir: __dirname }), report: true });
};
