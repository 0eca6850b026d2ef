import { join } from 'node:path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import type { AnyApp } from '../config/AppManifest';
import { TOOLKIT_PATHS } from '../config/checkApp';
import type { LoadedConfig } from '../config/loadConfig';
import { localUrl, reachableHost } from '../config/reachableHost';
import { createRouter } from '../server/http/createRouter';
import { createWebpackConfig } from '../webpack/createWebpackConfig';
import { withoutOptionChecks } from '../webpack/withoutOptionChecks';
import { checkPortFree } from './checkPortFree';
import { devServerOptions } from './devServerOptions';
import { watchApiServer } from './watchApiServer';

/** Options for {@link startDevSession}. */
export interface DevSessionOptions {
  /** The app's folder. */
  readonly root: string;
  /** The app's manifest (src/app.ts): its pages to build, its routes to proxy. */
  readonly app: AnyApp;
  /** The development config (`.env`, `.env.development`, the environment). */
  readonly loaded: LoadedConfig;
  /** The environment the API child gets (the same sources as `loaded`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where human-readable output goes. */
  readonly write: (text: string) => void;
}

/** A running `npm run dev`: the address to open, and how to stop everything. */
export interface DevSession {
  readonly url: string;
  close(): Promise<void>;
}


/**
 * One development session: webpack-dev-server for the client (hot module replacement, React Fast Refresh,
 * overlay), the server rebuilt on change and restarted in a child process (watchApiServer), and the API
 * proxied onto the dev server's origin. The client and the API start side by side: a page is served while
 * the API's first child boots, and its requests wait for it (createApiProxy).
 */
export async function startDevSession({ root, app, loaded, env, write }: DevSessionOptions): Promise<DevSession> {
  const host = reachableHost(loaded.config.HOST);
  // First, before anything starts: the app's webpack hook may refuse it (AppHookError), and then nothing is left running.
  const clientConfig = createWebpackConfig({
    root,
    loaded,
    mode: 'development',
    // The browser on a developer's desk runs module scripts; the legacy bundle is a production build's.
    bundle: 'modern',
    // Served with hot module replacement below: a React app's components update in place (Fast Refresh).
    hot: true,
    pages: app.pages,
    publicDir: app.publicDir,
    outDir: join(root, '.cache', 'twelvepack', 'dev-client'),
    appHook: app.webpack,
  });
  await checkPortFree(host, loaded.config.PORT);
  const isApiPath = createApiPathMatcher(app);
  const apiWatch = watchApiServer({ root, loaded, env, write, appHook: app.webpack !== undefined });
  const compiler = webpack(clientConfig);
  // The dev server's options are the toolkit's own: checking them against their schemas is skipped.
  const devServer = withoutOptionChecks(() => new WebpackDevServer(devServerOptions({ host, port: loaded.config.PORT, app, root, api: apiWatch.api, isApiPath }), compiler));
  await Promise.all([withoutOptionChecks(() => devServer.start()), apiWatch.firstStart]);
  const address = devServer.server?.address();
  const port = typeof address === 'object' && address !== null ? address.port : loaded.config.PORT;

  return {
    url: localUrl(host, port),
    close: async () => {
      await devServer.stop();
      // Closing the compiler writes webpack's disk cache (stopping the watch does not), so the next start is warm.
      await new Promise<void>((resolve) => compiler.close(() => resolve()));
      await apiWatch.close();
    },
  };
}

/** Whether a path is one the API process answers: a route of the app's table or one of the toolkit's. */
function createApiPathMatcher(app: AnyApp): (path: string) => boolean {
  const toolkitRoutes = TOOLKIT_PATHS.map((path) => ({ path, methods: ['GET' as const], handler: () => ({ status: 200 }) }));
  const route = createRouter([...toolkitRoutes, ...app.routes]);
  // A known path with another method is still the API's: it answers 405 with Allow, as in production.
  return (path) => route(path, 'GET').kind !== 'none';
}
