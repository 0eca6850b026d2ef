import { RUNTIME_ENV_GLOBAL } from '../config/schema';
import type { PublicEnv } from './index';

/** Every public value, inlined by the build (PublicEnvPlugin defines it; its name is BUILD_ENV_GLOBAL there). */
declare const __TWELVEPACK_BUILD_ENV__: Readonly<Record<string, string>>;

/** The values the build inlined: the toolkit's and the app's public variables. */
const BUILD_TIME: Readonly<Record<string, string>> = typeof __TWELVEPACK_BUILD_ENV__ === 'object' ? __TWELVEPACK_BUILD_ENV__ : {};

/**
 * Runtime values the server embedded in the page from its own environment
 * (build once, deploy many). Only names the build knows, with string values.
 */
function runtimeValues(): Record<string, string> {
  const embedded = (window as unknown as Record<string, unknown>)[RUNTIME_ENV_GLOBAL];
  if (embedded === null || typeof embedded !== 'object') return {};
  const picked: Record<string, string> = {};
  for (const name of Object.keys(BUILD_TIME)) {
    const value = (embedded as Record<string, unknown>)[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * The public configuration, the one place browser code reads it from: the
 * server's runtime values where present, the build's otherwise. Typed from the
 * declarations (the toolkit's and the app's), so a misspelt or non-public name
 * does not type-check.
 */
export const publicConfig: PublicEnv = Object.freeze({ ...BUILD_TIME, ...runtimeValues() }) as unknown as PublicEnv;
