import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** This copy of the toolkit: `src/` in the repository, `dist/` in the installed package. */
const THIS_COPY = join(__dirname, '..');

/** The package's `exports` (package.json sits two folders up from src/webpack and dist/webpack alike). */
const PACKAGE_EXPORTS = (JSON.parse(readFileSync(join(THIS_COPY, '..', 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>> }).exports;

/**
 * webpack aliases that send an app's `twelvepack/...` imports to the copy of
 * the toolkit doing the build, the one whose server entry it bundles: one copy
 * of each module (one HttpError class, one router) even where the package's
 * `exports` (compiled dist/) and the sources (src/) both exist. Each exported
 * module, without its extension, so `.ts` and `.js` both resolve.
 */
export function toolkitAliases(): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(PACKAGE_EXPORTS)) {
    // A conditional export (types only, as twelvepack/assets) is no module.
    const module = typeof target === 'string' ? /^\.\/dist\/(.+)\.js$/.exec(target) : null;
    if (module !== null) aliases[`twelvepack${subpath.slice(1)}$`] = join(THIS_COPY, module[1]!);
  }
  return aliases;
}
