// twelvepack/testing: real builds, real servers and a real browser (and an ES5 one), for an app's own specs.
export { CHROMIUM, describeWithBrowser, launchBrowser, SCREENSHOT_DIR } from './browser';
export { buildApp, type BuildAppOptions } from './buildApp';
export { describeWithBinary } from './describeWithBinary';
export { findFreshBuild, type FindFreshBuildOptions } from './findFreshBuild';
export { freePort } from './freePort';
export { MISSING_IN_ES5, NOT_CONSTRUCTIBLE_IN_ES5 } from './missingInEs5';
export { runInEs5Realm, type Es5Realm, type Es5RealmOptions, type FetchedScript, type RealmError, type RealmWindow } from './runInEs5Realm';
export { spawnServer, type SpawnedServer, type SpawnOptions } from './spawnServer';
export { startDevServer, type DevServer } from './startDevServer';
export { staleGeneratedFiles } from '../config/generatedFiles';
export { watchPage, type PagePromises, type WatchedPage } from './watchPage';
export { describeWithRedis, REDIS_SERVER, startRedis, type TestRedis } from './startRedis';
