import type { AnyApp } from './AppManifest';
import { checkApp } from './checkApp';
import { loadConfig, orExit, type LoadConfigOptions, type LoadedConfig } from './loadConfig';

export type { LoadedConfig };

/** Thrown when an app's declaration (src/app.ts) has problems; lists every one. */
export class AppDeclarationError extends Error {
  constructor(readonly problems: readonly string[]) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super([`twelvepack: src/app.ts has ${problems.length} ${noun}:`, ...problems.map((problem) => `  - ${problem}`)].join('\n'));
    this.name = 'AppDeclarationError';
  }
}

/**
 * The loading shell for an app: checks its declaration, then loads the `.env`
 * cascade and the environment against the toolkit's variables and the app's.
 * Throws AppDeclarationError or ConfigError, each listing every problem.
 */
export function loadAppConfig(app: AnyApp, options: Omit<LoadConfigOptions, 'variables'>): LoadedConfig {
  const problems = checkApp(app);
  if (problems.length > 0) throw new AppDeclarationError(problems);
  return loadConfig({ ...options, variables: app.variables });
}

/** {@link loadAppConfig} for command-line entry points: prints the problems and exits 1. */
export function loadAppConfigOrExit(app: AnyApp, options: Omit<LoadConfigOptions, 'variables'>): LoadedConfig {
  return orExit(() => loadAppConfig(app, options));
}
