// twelvepack/client: the browser runtime an app imports.
export { installErrorReporter, type ErrorReporterOptions } from './installErrorReporter';
export { publicConfig } from './publicConfig';

/**
 * The public variables browser code may read, by name: the toolkit's here; an
 * app's are added by the declaration `npm run env:example` generates from
 * src/app.ts (`declare module 'twelvepack/client' { interface PublicEnv ... }`).
 */
export interface PublicEnv {
  /** development, production or test. */
  readonly NODE_ENV: string;
}
