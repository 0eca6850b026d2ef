import { collectSecrets, type SecretValue } from './collectSecrets';
import { AppHookError } from './AppHookError';
import { AppLoadError } from './AppLoadError';
import { ConfigError } from './ConfigError';
import { loadEnvFiles, type LoadedEnv } from './loadEnvFiles';
import { parseConfig, type Mode } from './parseConfig';
import { pickPublicEnv } from './pickPublicEnv';
import { schema as toolkitSchema, type Config, type VarSpec } from './schema';

/** Everything an entry point needs from the environment. */
export interface LoadedConfig {
  /** The validated, typed configuration: the toolkit's variables and the app's. */
  readonly config: Config & Readonly<Record<string, string | number | boolean | undefined>>;
  /** The public subset, as inlined into the browser bundle. */
  readonly publicEnv: Readonly<Record<string, string>>;
  /** Every variable validated: the toolkit's, then the app's. */
  readonly schema: readonly VarSpec[];
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
  /** The app's own variables (src/app.ts), validated with the toolkit's. */
  readonly variables?: readonly VarSpec[];
}

/**
 * The loading shell: reads the `.env` cascade and the environment, validates
 * them, and throws a {@link ConfigError} listing every problem. Called by entry
 * points only; nothing reads the environment at import time.
 */
export function loadConfig({ mode: given, dir = process.cwd(), env = process.env, variables = [] }: LoadConfigOptions): LoadedConfig {
  const mode = given ?? modeOf(env.NODE_ENV);
  const schema = [...toolkitSchema, ...variables];
  const loaded = loadEnvFiles({ dir, mode, processEnv: env });
  const result = parseConfig({ env: loaded.values, mode, references: loaded.references, schema });
  if (!result.ok) throw new ConfigError(result.problems);
  return {
    config: result.config,
    publicEnv: pickPublicEnv(result.config, schema),
    secrets: collectSecrets(loaded, schema),
    schema,
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
  return orExit(() => loadConfig(options));
}

/** Runs a loader; a ConfigError, an AppDeclarationError, an AppLoadError or an AppHookError is printed and exits 1 instead of a stack trace. */
export function orExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof AppLoadError) {
      process.stderr.write(`${error.message}\nFix it, then run the command again.\n`);
      process.exit(1);
    }
    // By name: AppDeclarationError is loadAppConfig's, which imports this module.
    if (!(error instanceof ConfigError) && !(error instanceof AppHookError) && (error as Error)?.name !== 'AppDeclarationError') throw error;
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
