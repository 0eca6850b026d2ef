// twelvepack/client: the browser runtime an app imports.
export { installErrorReporter, type ErrorReporterOptions } from './installErrorReporter';
export { publicConfig } from './publicConfig';
export type { PublicEnv } from '../config/schema';
