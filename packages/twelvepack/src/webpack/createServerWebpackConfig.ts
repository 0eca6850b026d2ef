import { join } from 'node:path';
import type { Configuration } from 'webpack';

/** Options for {@link createServerWebpackConfig}. */
export interface ServerBuildOptions {
  /** The project folder. */
  readonly root: string;
  /** Where the server bundle goes; `dist/server` under root by default. Never served. */
  readonly outDir?: string;
  readonly mode?: 'production' | 'development';
  /** Use webpack's disk cache (default true). */
  readonly cache?: boolean;
}

/**
 * The server build: src/server/main.ts (and the kv script) to CommonJS for Node, so the
 * platform runs plain `node` with no TypeScript tooling (it prunes
 * devDependencies). Packages stay in node_modules (`require`d at run time).
 */
export function createServerWebpackConfig({ root, outDir, mode = 'production', cache = true }: ServerBuildOptions): Configuration {
  return {
    name: 'server',
    mode,
    context: root,
    target: 'node20.19',
    // main: the server; kv: the one-off admin script (npm run kv).
    entry: { main: join(__dirname, '..', 'server', 'main.ts'), kv: join(__dirname, '..', 'server', 'kv.ts') },
    output: { path: outDir ?? join(root, 'dist', 'server'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    externalsPresets: { node: true },
    // Bare specifiers (pino, node:fs) load from node_modules at run time; our own files are bundled.
    externals: [({ request }, callback) => (request !== undefined && /^[a-z@]/i.test(request) ? callback(undefined, `commonjs ${request}`) : callback())],
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /[\\/]node_modules[\\/]/,
          use: [{ loader: require.resolve('babel-loader'), options: { caller: { twelvepackTarget: 'node' } } }],
        },
      ],
    },
    // The real __dirname, so the server finds dist/client beside it.
    node: { __dirname: false, __filename: false },
    devtool: 'source-map',
    cache: cache ? { type: 'filesystem', name: `server-${mode}`, buildDependencies: { config: [__filename] } } : false,
    optimization: { minimize: false, nodeEnv: false },
    stats: 'errors-warnings',
  };
}
