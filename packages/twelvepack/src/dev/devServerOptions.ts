import { join } from 'node:path';
import type { Configuration } from 'webpack-dev-server';
import type { AnyApp } from '../config/AppManifest';
import { createApiProxy } from './createApiProxy';
import type { ApiProcess } from './createApiProcess';

/** What the dev server is configured from. */
export interface DevServerChoice {
  readonly host: string;
  readonly port: number;
  readonly app: AnyApp;
  readonly root: string;
  readonly api: ApiProcess;
  /** Whether a path is one the API answers (the app's routes table and the toolkit's own routes). */
  readonly isApiPath: (path: string) => boolean;
}

/** webpack-dev-server's options for a session: hot updates, the overlay, template reloads, and the API forwarded on the same origin. */
export function devServerOptions({ host, port, app, root, api, isApiPath }: DevServerChoice): Configuration {
  return {
    host,
    port,
    hot: true,
    liveReload: true,
    // runDev owns Ctrl-C: webpack-dev-server's own handler would exit the process once the client side has
    // stopped, before the API child and the server build have (devLoop.test.ts: nothing is left listening).
    setupExitSignals: false,
    historyApiFallback: true,
    static: false,
    // An edit to a page's template reloads the open page (HtmlWebpackPlugin rebuilds it, nothing hot-updates it).
    watchFiles: app.pages.map((page) => join(root, page.template)),
    // 'info', not 'warn': the client hands its level to webpack's HMR log too, which knows no 'warn' and then
    // prints nothing, not even which module forced a full reload. With 'info' the console says what was updated.
    client: { overlay: { errors: true, warnings: false, runtimeErrors: false }, logging: 'info' },
    devMiddleware: { stats: 'errors-warnings' },
    // Exactly the paths the production server routes (the app's table and the toolkit's), whatever their prefix, so
    // a route outside /api answers the same in development; everything else is the client's. Before webpack's own
    // middlewares: a request to the API waits for a child that listens instead of failing.
    setupMiddlewares: (middlewares) => [{ name: 'twelvepack-api', middleware: createApiProxy(api, isApiPath) }, ...middlewares],
  };
}
