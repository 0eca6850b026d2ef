import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchTool } from '../BenchTool';
import { legacyBundleEnv } from '../legacyBundleEnv';
import { listFiles } from '../listFiles';

/** This project's twelvepack, the one the generated app resolves (node_modules/twelvepack): its folder and its CLI. */
const PACKAGE = dirname(require.resolve('twelvepack/package.json'));
const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const BIN = join(PACKAGE, manifest.bin.twelvepack!);

/**
 * twelvepack as an app made by `twelvepack init` uses it: src/app.ts declares the page, webpack.config.ts and
 * babel.config.js hand it to the toolkit, and `twelvepack build` / `twelvepack dev` run from the app's folder.
 * Its targets are its own (src/webpack/browserTargets.js); the peers are given the same ones.
 */
export const twelvepackTool: BenchTool = {
  name: 'twelvepack',
  describe: `twelvepack ${manifest.version}: \`twelvepack build\` (modern and legacy bundles, and the server build), \`twelvepack dev\``,
  scripts: { build: 'twelvepack build', dev: 'twelvepack dev' },
  appFiles: (_variant, entry) => ({
    'src/app.ts': [
      "import { defineApp } from 'twelvepack/app';",
      '',
      `export default defineApp({ variables: [], pages: [{ name: 'main', entry: '${entry}', template: 'public/index.html' }], routes: [] });`,
      '',
    ].join('\n'),
    'webpack.config.ts': ["import { createAppWebpackConfig } from 'twelvepack/webpack';", "import app from './src/app';", '', 'export default createAppWebpackConfig(app, __dirname);', ''].join('\n'),
    'babel.config.js': "module.exports = require('twelvepack/babel');\n",
  }),
  // The variable twelvepack's own config module reads; the peers' configs read it too.
  build: (modern) => ({ args: [BIN, 'build'], env: legacyBundleEnv(modern) }),
  dev: (port) => ({ args: [BIN, 'dev'], env: { PORT: String(port), HOST: '127.0.0.1' } }),
  coldPaths: ['node_modules/.cache', '.cache', 'dist'],
  outDir: 'dist/client',
  legacyScripts: (app) => listFiles(join(app, 'dist', 'client')).filter((file) => /-legacy\.[0-9a-f]+\.js$/.test(file)),
};
