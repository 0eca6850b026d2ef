import type { PublicEnv } from '../config/schema';

/**
 * The public configuration, the one place browser code reads it from. Each
 * name is spelt out so the build can inline it (see PublicEnvPlugin); a name
 * missing from this object, or one that is not public, does not type-check.
 */
export const publicConfig: PublicEnv = Object.freeze({
  NODE_ENV: process.env.NODE_ENV,
  PUBLIC_APP_NAME: process.env.PUBLIC_APP_NAME,
  PUBLIC_TAGLINE: process.env.PUBLIC_TAGLINE,
});
