import { join } from 'node:path';
import { createModuleRules } from '../createModuleRules';
import type { BrowserPart } from './BrowserPart';

/** How each kind of module becomes browser code (createModuleRules.ts), for the plan's bundle and browsers. */
export const moduleRulesPart: BrowserPart = (plan, { root, publicDir, cache, cacheDirectory, transpileDependencies, workers }) => ({
  module: {
    // In watch mode, unchanged modules keep their resolved imports instead of resolving them again on every edit.
    // The cost: a new file that would change how an unchanged module's import resolves is seen after a restart.
    // Production builds always resolve afresh.
    ...(plan.watched ? { unsafeCache: true } : {}),
    rules: createModuleRules({
      root,
      bundle: plan.bundle,
      cssBrowsers: plan.cssBrowsers,
      transpileDependencies: plan.transpilesDependencies && transpileDependencies !== false,
      workers,
      fastRefresh: plan.fastRefresh,
      readableClassNames: !plan.hashedNames,
      publicDir: join(root, publicDir),
      cache: babelLoaderCache(cache, cacheDirectory),
    }),
  },
});

function babelLoaderCache(cache: boolean, cacheDirectory: string | undefined): boolean | string {
  if (!cache) return false;
  return cacheDirectory === undefined ? true : join(cacheDirectory, 'babel-loader');
}
