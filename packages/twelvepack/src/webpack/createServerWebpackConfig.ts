import { join } from 'node:path';
import type { Configuration } from 'webpack';
import type { WebpackHook } from '../config/AppManifest';
import type { LoadedConfig } from '../config/loadConfig';
import { applyAppHook } from './applyAppHook';
import { cacheName } from './cacheName';
import { BABEL_CONFIG } from './createModuleRules';
import { mergeParts } from './parts/mergeParts';
import { LeakGuardPlugin } from './plugins/LeakGuardPlugin';
import { RedactSecretsPlugin } from './plugins/RedactSecretsPlugin';
import { createRedactor } from './plugins/redactSecrets';
import { toolkitAliases } from './toolkitAliases';

/** Options for {@link createServerWebpackConfig}. */
export interface ServerBuildOptions {
  /** The app's folder. */
  readonly root: string;
  /** The loaded configuration (src/config/loadConfig): its secrets are guarded and redacted, as in the browser build. */
  readonly loaded: LoadedConfig;
  /** The app's manifest module, bundled as `twelvepack-app`; `src/app.ts` under root by default. */
  readonly manifest?: string;
  /** Where the server bundle goes; `dist/server` under root by default. Never served. */
  readonly outDir?: string;
  readonly mode?: 'production' | 'development';
  /** Use webpack's disk cache (default true). */
  readonly cache?: boolean;
  /** The app's own hook (`webpack` in src/app.ts): it gets the configuration before the guards are added. */
  readonly appHook?: WebpackHook;
}

/** Bundled, never `require`d at run time: the toolkit (its sources in this workspace, its dist/ when installed) and the app's manifest. */
const BUNDLED = /^(twelvepack|twelvepack-app)(\/|$)/;

/**
 * The server build: the toolkit's server entry (and the kv script) with the
 * app's manifest, its routes and services, to CommonJS for Node, so the
 * platform runs plain `node` with no TypeScript tooling (it prunes
 * devDependencies). Other packages stay in node_modules (`require`d at run time).
 * Guarded like the browser build: a credential in the output fails it, and
 * every message it prints is redacted.
 */
export function createServerWebpackConfig(options: ServerBuildOptions): Configuration {
  const mode = options.mode ?? 'production';
  const hooked = applyAppHook(serverConfig({ ...options, mode }), { bundle: 'server', mode }, options.appHook);
  return mergeParts([hooked, serverGuards(options.loaded, mode)]);
}

/** What the app's hook gets: the server build without its guards. */
function serverConfig({ root, outDir, manifest, mode, cache = true }: ServerBuildOptions & { readonly mode: 'production' | 'development' }): Configuration {
  return {
    name: 'server',
    mode,
    context: root,
    target: 'node20.19',
    // main: the server; kv: the one-off admin script (npm run kv). No extension:
    // TypeScript in the toolkit's sources, JavaScript in the package's dist/.
    entry: { main: join(__dirname, '..', 'server', 'main'), kv: join(__dirname, '..', 'server', 'kv') },
    output: { path: outDir ?? join(root, 'dist', 'server'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'], alias: { ...toolkitAliases(), 'twelvepack-app$': manifest ?? join(root, 'src', 'app') } },
    externalsPresets: { node: true },
    // Bare specifiers (pino, node:fs) load from node_modules at run time; our own files are bundled.
    externals: [
      ({ request }, callback) => (request !== undefined && /^[a-z@]/i.test(request) && !BUNDLED.test(request) ? callback(undefined, `commonjs ${request}`) : callback()),
    ],
    module: {
      rules: [
        {
          test: /\.(ts|tsx|js|jsx|mjs|cjs)$/,
          exclude: /[\\/]node_modules[\\/]/,
          use: [{ loader: require.resolve('babel-loader'), options: { caller: { twelvepackTarget: 'node', twelvepackRoot: root }, configFile: BABEL_CONFIG, babelrc: false } }],
        },
      ],
    },
    // The real __dirname, so the server finds dist/client beside it.
    node: { __dirname: false, __filename: false },
    devtool: 'source-map',
    cache: cache ? { type: 'filesystem', name: cacheName(`server-${mode}`, root), buildDependencies: { config: [__filename] } } : false,
    optimization: { minimize: false, nodeEnv: false },
    stats: 'errors-warnings',
  };
}

/** The leak guard and the redaction, added after the app's hook; a production build with a leak writes nothing, whatever the hook set. */
function serverGuards(loaded: LoadedConfig, mode: 'production' | 'development'): Configuration {
  return {
    ...(mode === 'production' ? { optimization: { emitOnErrors: false } } : {}),
    plugins: [
      // Credentials only: server code may hold a setting's value from .env (a default), never a credential.
      new LeakGuardPlugin({ secrets: loaded.secrets.filter((secret) => secret.credential), bundle: 'server' }),
      new RedactSecretsPlugin(createRedactor(loaded.secrets)),
    ],
  };
}
