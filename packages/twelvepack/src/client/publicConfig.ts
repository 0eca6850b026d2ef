import { RUNTIME_ENV_GLOBAL, type PublicEnv } from '../config/schema';

/** Values inlined at build time. Each name is spelt out so the build can inline it (see PublicEnvPlugin). */
const BUILD_TIME: PublicEnv = {
  NODE_ENV: process.env.NODE_ENV,
  PUBLIC_APP_NAME: process.env.PUBLIC_APP_NAME,
  PUBLIC_TAGLINE: process.env.PUBLIC_TAGLINE,
};

/**
 * Runtime values the server embedded in index.html from its own environment
 * (build once, deploy many). Only known names with string values are taken.
 */
function runtimeValues(): Partial<PublicEnv> {
  const embedded = (window as unknown as Record<string, unknown>)[RUNTIME_ENV_GLOBAL];
  if (embedded === null || typeof embedded !== 'object') return {};
  const picked: Partial<Record<keyof PublicEnv, string>> = {};
  for (const name of Object.keys(BUILD_TIME) as (keyof PublicEnv)[]) {
    const value = (embedded as Record<string, unknown>)[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * The public configuration, the one place browser code reads it from: the
 * server's runtime values where present, the build's otherwise. A misspelt or
 * non-public name does not type-check.
 */
export const publicConfig: PublicEnv = Object.freeze({ ...BUILD_TIME, ...runtimeValues() });
