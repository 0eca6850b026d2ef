import { join, sep } from 'node:path';
import type { AnyApp } from '../config/AppManifest';
import { findAppManifest } from './findAppManifest';

/**
 * The app's manifest, `src/app.ts` in its folder, for the CLI verbs that run
 * in Node (TypeScript is registered by then). Exits with what to do when there
 * is none.
 */
export function loadAppManifest(root: string): AnyApp {
  const path = findAppManifest(root);
  if (path === undefined) {
    process.stderr.write(
      `twelvepack: no app here: ${join(root, 'src', 'app.ts')} is missing. Run twelvepack from your app's folder, ` +
        "where src/app.ts declares it: export default defineApp({ ... }) from 'twelvepack/app'.\n",
    );
    process.exit(1);
  }
  // Read afresh each time (the dev server reloads it): forget the app's modules required before.
  const appSources = join(root, 'src') + sep;
  for (const module of Object.keys(require.cache)) if (module.startsWith(appSources) && !module.includes(`${sep}node_modules${sep}`)) delete require.cache[module];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path) as { default?: AnyApp };
  if (loaded.default === undefined) {
    process.stderr.write(`twelvepack: ${path} must export the app as its default: export default defineApp({ ... }).\n`);
    process.exit(1);
  }
  return loaded.default;
}
