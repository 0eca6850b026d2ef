import { join, sep } from 'node:path';
import { AppLoadError } from '../config/AppLoadError';
import type { AnyApp } from '../config/AppManifest';
import { collectSecrets } from '../config/collectSecrets';
import { loadEnvFiles } from '../config/loadEnvFiles';
import type { Mode } from '../config/parseConfig';
import { createRedactor } from '../webpack/plugins/redactSecrets';
import { findAppManifest } from './findAppManifest';

/** What {@link loadAppManifest} needs besides the folder: whose `.env` files and environment hold the secrets to keep out of its messages. */
export interface LoadAppManifestOptions {
  readonly mode: Mode;
  /** The environment the verb runs in (the shims hand over process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The app's manifest, `src/app.ts` in its folder, for the CLI verbs that run
 * in Node (TypeScript is registered by then). Exits with what to do when there
 * is none. When it, or a module it imports, fails to load, throws an
 * AppLoadError whose message quotes the cause (a syntax error's code frame
 * included) with every secret the environment and the `.env` files hold
 * redacted, as the build's own messages are: a frame may show the line that
 * holds one.
 */
export function loadAppManifest(root: string, { mode, env }: LoadAppManifestOptions): AnyApp {
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
  let loaded: { default?: AnyApp };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(path) as { default?: AnyApp };
  } catch (error) {
    // The app's own variables are not known until it loads: the toolkit's, the .env files' and credential-named ones are.
    const redact = createRedactor(collectSecrets(loadEnvFiles({ dir: root, mode, processEnv: env })));
    throw new AppLoadError(
      `twelvepack: the app could not be loaded: ${path} (or a module it imports) failed:\n` +
        indent(redact(describe(error))),
    );
  }
  if (loaded.default === undefined) {
    process.stderr.write(`twelvepack: ${path} must export the app as its default: export default defineApp({ ... }).\n`);
    process.exit(1);
  }
  return loaded.default;
}

/** A syntax error's message is its file, position and code frame (its stack is Babel's own); anything else, its stack. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof SyntaxError || (error as { code?: string }).code === 'BABEL_PARSE_ERROR') return error.message;
  return error.stack ?? error.message;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
