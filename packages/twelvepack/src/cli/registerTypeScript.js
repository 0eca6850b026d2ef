// Makes Node load TypeScript on require (the app's webpack.config.ts and
// src/app.ts, and the toolkit's own sources) through the toolkit's Babel config,
// whatever the app's folder holds. Preloaded with `node -r` by the build (so
// webpack-cli finds `.ts` already handled) and required by the verbs' shims
// (build, postinstall, dev, env:example) before they hand over to TypeScript.
'use strict';

const { join } = require('node:path');

/** The toolkit's own folder: its sources are compiled too when they are TypeScript (in this repository). */
const TOOLKIT_DIR = join(__dirname, '..', '..');

require('@babel/register')({
  extensions: ['.ts', '.tsx', '.mts', '.cts'],
  // Beside this file in src/ and in the package's dist/ alike.
  configFile: join(__dirname, '..', 'webpack', 'babelConfig.js'),
  babelrc: false,
  only: [process.cwd(), TOOLKIT_DIR],
  ignore: [/[\\/]node_modules[\\/]/],
});
