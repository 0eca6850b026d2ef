// twelvepack/testing: real builds, real servers and a real browser, for an app's own specs.
export { CHROMIUM, describeWithBrowser, launchBrowser, SCREENSHOT_DIR } from './browser';
export { buildApp, type BuildAppOptions } from './buildApp';
export { describeWithBinary } from './describeWithBinary';
export { findFreshBuild, type FindFreshBuildOptions } from './findFreshBuild';
export { freePort } from './freePort';
export { spawnServer, type SpawnedServer, type SpawnOptions } from './spawnServer';
export { staleGeneratedFiles } from '../config/generatedFiles';
export { watchPage, type PagePromises, type WatchedPage } from './watchPage';
export { describeWithRedis, REDIS_SERVER, startRedis, type TestRedis } from './startRedis';
