// twelvepack/server: what an app's routes and services use.
export { ADMIN_KV_PREFIX, adminKvRoute, type AdminKvRouteOptions } from './api/adminKvRoute';
export { empty, json, text } from './http/answers';
export { HttpError, type HttpErrorOptions } from './http/HttpError';
export { jsonInteger } from './http/jsonInteger';
export { BodyTooLargeError, readBody } from './http/readBody';
export {
  IncrementOverflowError,
  NotAnIntegerError,
  STORE_LIMITS,
  StoreArgumentError,
  StoreUnavailableError,
  type KeyValueStore,
  type ScanOptions,
  type ScanPage,
} from './store/KeyValueStore';
export { openStore, type OpenStoreOptions, type StoreConfig } from './store/openStore';
export { scanAll } from './store/scanAll';
export type { Answer, Handler, Method, RouteContext, RouteSpec, Services, ServiceTools } from '../config/AppManifest';
