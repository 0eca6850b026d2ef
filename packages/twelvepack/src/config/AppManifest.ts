// What an app hands the toolkit, in one value (src/app.ts): its variables, its
// pages, its routes and its services. The contract the build, the dev server and
// the production server all read; types only.
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Configuration } from 'webpack';
import type { ConfigOf, ToolkitSchema, VarSpec } from './schema';

/** A browser entry and the HTML page that loads it. */
export interface PageSpec {
  /** The entry's chunk name; unique. */
  readonly name: string;
  /** The browser entry module, relative to the app's folder (e.g. `src/client/main.ts`). */
  readonly entry: string;
  /** The HTML template, relative to the app's folder (e.g. `public/index.html`). */
  readonly template: string;
  /** The HTML file written into dist/client: `index.html` for the first page, `<name>.html` for the others by default. */
  readonly filename?: string;
}

/** HTTP methods a route may accept (GET implies HEAD). */
export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** What a handler answers; the pipeline writes it, with the headers every response carries. */
export interface Answer {
  readonly status: number;
  /** Response headers: an object (Content-Length is added for a body), or a flat list sent as it is (name, value…; what the static files build at boot). */
  readonly headers?: Readonly<Record<string, string>> | readonly string[];
  /** The body; omitted for HEAD requests by the pipeline. */
  readonly body?: Buffer | string;
}

/** What a handler knows about the request besides the request itself. */
export interface RouteContext<C = AppConfig, S = Services> {
  /** The request id (echoed as X-Request-ID, and in the log line). */
  readonly requestId: string;
  /** The client's address (the trusted proxy's X-Forwarded-For entry, else the socket's). */
  readonly clientAddress: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The validated configuration of this process. */
  readonly config: C;
  /** The services the app declared, opened once per process. */
  readonly services: S;
  /** The process's logger (JSON lines). */
  readonly logger: Logger;
}

/** Answers a request: returns (or resolves to) an answer, or throws an error with a status (HttpError). */
export type Handler<C = AppConfig, S = Services> = (req: IncomingMessage, context: RouteContext<C, S>) => Answer | Promise<Answer>;

/** One row of the routes table: an exact path or a prefix, its methods, and its handler. */
export type RouteSpec<C = AppConfig, S = Services> = {
  /** The methods it answers; another method on its path gets 405 with Allow. */
  readonly methods: readonly Method[];
  readonly handler: Handler<C, S>;
} & ({ /** An exact path, such as `/api/greeting`. */ readonly path: string } | { /** A prefix: `/api/admin/kv` matches itself and `/api/admin/kv/<anything>`. */ readonly prefix: string });

/** Backing-service handles an app opens once per process; `close` runs during graceful shutdown. */
export interface Services {
  close(): Promise<void>;
}

/** A configuration with the toolkit's variables and any app's (what handlers see when they do not name their app). */
export type AppConfig = ConfigOf<ToolkitSchema> & Readonly<Record<string, string | number | boolean | undefined>>;

/** The app, declared once (src/app.ts). */
export interface AppManifest<V extends readonly VarSpec[] = readonly VarSpec[], S extends Services = Services> {
  /** The app's own variables, in the toolkit schema's format. */
  readonly variables: V;
  /** The pages: the first is `index.html`, the one client routes fall back to. */
  readonly pages: readonly PageSpec[];
  /** Files copied into dist/client as they are (default `public`); the pages' templates are skipped. */
  readonly publicDir?: string;
  /** The app's routes; the toolkit adds /healthz, /readyz and /api/client-errors. */
  readonly routes: readonly RouteSpec<ConfigOf<ToolkitSchema> & ConfigOf<V>, S>[];
  /** Opens the app's backing services once per process (the toolkit closes them at shutdown). */
  readonly services?: (config: ConfigOf<ToolkitSchema> & ConfigOf<V>, tools: ServiceTools) => S | Promise<S>;
  /** Extends each compilation's webpack configuration (a loader, a plugin), after the toolkit's parts and before its guards. */
  readonly webpack?: WebpackHook;
}

/** Which compilation an app's webpack hook is given, and in which mode. */
export interface WebpackHookContext {
  /** `modern` (ES2020, `<script type="module">`), `legacy` (ES5, `<script nomodule>`, production only) or `server` (Node). */
  readonly bundle: 'modern' | 'legacy' | 'server';
  /** `production` for `twelvepack build`, `development` for `twelvepack dev`. */
  readonly mode: 'production' | 'development';
}

/**
 * An app's own change to one compilation's webpack configuration: it gets the configuration the toolkit made and
 * returns it (the same object, changed, or a new one), synchronously. The toolkit's proofs and guards are added
 * after it, whatever it does to the plugin list.
 */
export type WebpackHook = (config: Configuration, context: WebpackHookContext) => Configuration;

/** What the toolkit hands an app's services factory. */
export interface ServiceTools {
  /** The process's logger, for "opened" and "closed" lines. */
  readonly logger: Logger;
}

/**
 * Any app, as the toolkit's internals take it: the exact types are the app's
 * business (defineApp checks them where the app is written).
 */
export interface AnyApp {
  readonly variables: readonly VarSpec[];
  readonly pages: readonly PageSpec[];
  readonly publicDir?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly routes: readonly RouteSpec<any, any>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly services?: (config: any, tools: ServiceTools) => Services | Promise<Services>;
  readonly webpack?: WebpackHook;
}

/** The configuration type of an app: the toolkit's variables and its own. */
export type ConfigOfApp<A> = A extends AppManifest<infer V, Services> ? ConfigOf<ToolkitSchema> & ConfigOf<V> : never;

/** The services type of an app. */
export type ServicesOfApp<A> = A extends AppManifest<readonly VarSpec[], infer S> ? S : never;
