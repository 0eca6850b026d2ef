// twelvepack/app: how an app declares itself (src/app.ts), fully typed.
import type { AppManifest, Services } from './AppManifest';
import type { VarSpec } from './schema';

export type * from './AppManifest';
export type { ConfigOf, PublicEnvOf, VarSpec } from './schema';

/**
 * Declares the app: its variables, pages, routes and services. Returns the
 * declaration as it is (typed); the toolkit checks it when it loads it and
 * reports every problem at once (see checkApp).
 */
export function defineApp<const V extends readonly VarSpec[], S extends Services = Services>(app: AppManifest<V, S>): AppManifest<V, S> {
  return app;
}
