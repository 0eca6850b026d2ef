// twelvepack/webpack: what an app's webpack.config.ts hands itself to.
export { createServerWebpackConfig, type ServerBuildOptions } from './createServerWebpackConfig';
export { createWebpackConfig, type BuildOptions } from './createWebpackConfig';
export { loadConfig, loadConfigOrExit } from '../config/loadConfig';
