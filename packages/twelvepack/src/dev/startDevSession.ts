import { join } from 'node:path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import type { AnyApp } from '../config/AppManifest';
import { TOOLKIT_PATHS } from '../config/checkApp';
import type { LoadedConfig } from '../config/loadConfig';
import { createRouter } from '../server/http/createRouter';
import { createServerWebpackConfig } from '../webpack/createServerWebpackConfig';
import { createWebpackConfig } from '../webpack/createWebpackConfig';
import { createApiProcess } from './createApiProcess';

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
 * One development session: webpack-dev-server for the client (hot module
 * replacement, overlay), the server rebuilt on change and restarted in a child
 * process, and the API proxied onto the dev server's origin.
 */
export async function startDevSession({ root, app, loaded, env, write }: DevSessionOptions): Promise<DevSession> {
  const isApiPath = createApiPathMatcher(app);
  const serverOut = join(root, '.cache', 'twelvepack', 'dev-server');
  const api = createApiProcess({
    entry: join(serverOut, 'main.js'),
    env: { ...definedOnly(env), NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', SERVE_CLIENT: 'false', WEB_CONCURRENCY: '1' },
    write,
  });

  const serverCompiler = webpack(createServerWebpackConfig({ root, loaded, outDir: serverOut, mode: 'development', manifest: join(root, 'src', 'app') }));
  let firstServerBuild: () => void = () => undefined;
  const serverReady = new Promise<void>((resolve) => (firstServerBuild = resolve));
  const serverWatch = serverCompiler.watch({ aggregateTimeout: 100 }, (error, stats) => {
    if (error || stats?.hasErrors()) {
      write(`\n  Server build failed; the API keeps running the last good build:\n${error?.message ?? stats?.toString('errors-only')}\n\n`);
      firstServerBuild();
      return;
    }
    void api.restart().then(firstServerBuild);
  });
  await serverReady;

  const clientConfig = createWebpackConfig({
    root,
    loaded,
    mode: 'development',
    // The browser on a developer's desk runs module scripts; the legacy bundle is a production build's.
    bundle: 'modern',
    pages: app.pages,
    publicDir: app.publicDir,
    outDir: join(root, '.cache', 'twelvepack', 'dev-client'),
  });
  const devServer = new WebpackDevServer(
    {
      host: loaded.config.HOST === '0.0.0.0' ? 'localhost' : loaded.config.HOST,
      port: loaded.config.PORT,
      hot: true,
      liveReload: true,
      historyApiFallback: true,
      static: false,
      // An edit to a page's template reloads the open page (HtmlWebpackPlugin rebuilds it, nothing hot-updates it).
      watchFiles: app.pages.map((page) => join(root, page.template)),
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false }, logging: 'warn' },
      devMiddleware: { stats: 'errors-warnings' },
      proxy: [
        {
          // Exactly the paths the production server routes (the app's table and the toolkit's), whatever their prefix,
          // so a route outside /api answers the same in development; everything else is the client's.
          context: (pathname: string) => isApiPath(pathname),
          // Resolved per request: the API child's port changes when it restarts.
          router: () => api.url() ?? 'http://127.0.0.1:9',
          target: 'http://127.0.0.1:9',
          changeOrigin: false,
          // The crash is reported once by createApiProcess; no line per refused request.
          logLevel: 'silent',
          // http-proxy-middleware 2 (webpack-dev-server 5): answer clearly while the API is down.
          onError: (_error: Error, _req: unknown, res: { headersSent?: boolean; writeHead(status: number, headers: Record<string, string>): void; end(body: string): void }) => {
            if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify({ error: 'The API server is not running; see the terminal.' }));
          },
        },
      ],
    },
    webpack(clientConfig),
  );
  await devServer.start();
  const address = devServer.server?.address();
  const port = typeof address === 'object' && address !== null ? address.port : loaded.config.PORT;
  const host = loaded.config.HOST === '0.0.0.0' ? 'localhost' : loaded.config.HOST;

  return {
    url: `http://${host}:${port}`,
    close: async () => {
      await devServer.stop();
      await new Promise<void>((resolve) => (serverWatch ? serverWatch.close(() => resolve()) : resolve()));
      await api.stop();
    },
  };
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Whether a path is one the API process answers: a route of the app's table or one of the toolkit's. */
function createApiPathMatcher(app: AnyApp): (path: string) => boolean {
  const toolkitRoutes = TOOLKIT_PATHS.map((path) => ({ path, methods: ['GET' as const], handler: () => ({ status: 200 }) }));
  const route = createRouter([...toolkitRoutes, ...app.routes]);
  // A known path with another method is still the API's: it answers 405 with Allow, as in production.
  return (path) => route(path, 'GET').kind !== 'none';
}
