import type { Configuration } from 'webpack';
import { AppHookError } from '../config/AppHookError';
import type { WebpackHook, WebpackHookContext } from '../config/AppManifest';

/**
 * One compilation's configuration passed through the app's own hook, when it has one, and what it returns checked:
 * a configuration, given back synchronously, in the command's mode, and (for a browser bundle that ships) with no
 * eval devtool, which would put each module's code inside a string the ES version proof does not parse. The
 * guards are the caller's to add afterwards.
 */
export function applyAppHook(config: Configuration, context: WebpackHookContext, hook: WebpackHook | undefined): Configuration {
  if (hook === undefined) return config;
  const where = `webpack(config, context) in src/app.ts`;
  const build = `the ${context.bundle} bundle's ${context.mode} build`;
  let returned: unknown;
  try {
    returned = hook(config, context);
  } catch (error) {
    const cause = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new AppHookError(`twelvepack: ${where} threw for ${build}:\n${cause.replace(/^/gm, '  ')}\nFix the hook.`);
  }
  if (isThenable(returned)) {
    throw new AppHookError(
      `twelvepack: ${where} returned a promise for ${build}: the hook runs synchronously (the dev server and the build make every configuration at once). ` +
        'Remove async from it and return config itself.',
    );
  }
  if (typeof returned !== 'object' || returned === null || Array.isArray(returned)) {
    throw new AppHookError(`twelvepack: ${where} returned ${describe(returned)} for ${build}: it must give the configuration back. End it with return config.`);
  }
  const hooked = returned as Configuration;
  if (hooked.mode !== undefined && hooked.mode !== context.mode) {
    throw new AppHookError(
      `twelvepack: ${where} set mode to ${JSON.stringify(hooked.mode)} in ${build}: the mode is the command's (twelvepack build or dev), and context.mode says which. ` +
        'Remove config.mode from the hook.',
    );
  }
  if (context.bundle !== 'server' && context.mode === 'production' && JSON.stringify(hooked.devtool ?? false).includes('eval')) {
    throw new AppHookError(
      `twelvepack: ${where} set devtool to ${JSON.stringify(hooked.devtool)} in ${build}: an eval devtool hides each module's code from the ES version proof. ` +
        "Leave devtool to SOURCE_MAPS in production (change it only when context.mode is 'development').",
    );
  }
  // A hook that deleted the mode gets it back: webpack would otherwise build in production mode, whatever the command.
  return hooked.mode === undefined ? { ...hooked, mode: context.mode } : hooked;
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
