import { collectSecrets, type SecretValue } from './collectSecrets';
import { ConfigError } from './ConfigError';
import { loadEnvFiles, type LoadedEnv } from './loadEnvFiles';
import { parseConfig, type Mode } from './parseConfig';
import { pickPublicEnv } from './pickPublicEnv';
import type { Config, PublicEnv } from './schema';

/** Everything an entry point needs from the environment. */
export interface LoadedConfig {
  /** The validated, typed configuration. */
  readonly config: Config;
  /** The public subset, as inlined into the browser bundle. */
  readonly publicEnv: PublicEnv;
  /** Values the build must never emit. */
  readonly secrets: readonly SecretValue[];
  /** The raw environment as loaded, for diagnostics. */
  readonly loaded: LoadedEnv;
}

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Selects `.env.[mode]` files and the default NODE_ENV; by default NODE_ENV's value, else production. */
  readonly mode?: Mode;
  /** Where the `.env` files live; the current folder by default. */
  readonly dir?: string;
  /** The environment; `process.env` by default. Tests pass their own. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The loading shell: reads the `.env` cascade and the environment, validates
 * them, and throws a {@link ConfigError} listing every problem. Called by entry
 * points only; nothing reads the environment at import time.
 */
export function loadConfig({ mode: given, dir = process.cwd(), env = process.env }: LoadConfigOptions): LoadedConfig {
  const mode = given ?? modeOf(env.NODE_ENV);
  const loaded = loadEnvFiles({ dir, mode, processEnv: env });
  const result = parseConfig({ env: loaded.values, mode, references: loaded.references });
  if (!result.ok) throw new ConfigError(result.problems);
  return {
    config: result.config,
    publicEnv: pickPublicEnv(result.config),
    secrets: collectSecrets(loaded),
    loaded,
  };
}

const MODES: readonly Mode[] = ['development', 'production', 'test'];

/** NODE_ENV when it names a mode; production otherwise (a server that guesses must guess safe). */
function modeOf(nodeEnv: string | undefined): Mode {
  return MODES.find((mode) => mode === nodeEnv) ?? 'production';
}

/** {@link loadConfig} for command-line entry points: prints the problems and exits 1 instead of a stack trace. */
export function loadConfigOrExit(options: LoadConfigOptions): LoadedConfig {
  try {
    return loadConfig(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
