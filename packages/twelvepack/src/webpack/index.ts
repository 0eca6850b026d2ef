// twelvepack/webpack: what an app's webpack.config.ts hands itself to.
export { createAppWebpackConfig } from './createAppWebpackConfig';
export { createServerWebpackConfig, type ServerBuildOptions } from './createServerWebpackConfig';
export { createClientWebpackConfigs } from './createClientWebpackConfigs';
export { createWebpackConfig, DEFAULT_PAGES, type BuildOptions } from './createWebpackConfig';
export { loadConfig, loadConfigOrExit } from '../config/loadConfig';
export { loadAppConfig } from '../config/loadAppConfig';
