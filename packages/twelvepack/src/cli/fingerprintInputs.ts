import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PUBLIC_PREFIX, type VarSpec } from '../config/schema';

/** Inputs whose content decides the bundle (the environment's values are hashed separately). */
const INPUT_PATHS = ['src', 'public', 'package.json', 'package-lock.json', 'babel.config.js', 'webpack.config.ts'];

/**
 * A fingerprint of everything a production build reads: the input files'
 * paths and contents, the `.env` files, the toolkit's own sources, and the
 * environment's values of the variables the config module loaded (plus any
 * PUBLIC_*). Values are hashed, never stored.
 *
 * @param schema the variables validated for this app (LoadedConfig.schema: the toolkit's and the app's)
 * @param env the environment the build runs in
 */
export function fingerprintInputs(root: string, schema: readonly VarSpec[], env: Readonly<Record<string, string | undefined>>): string {
  const hash = createHash('sha256');
  // The toolkit's code decides the bundle too, and in a workspace it is not under the app's src/.
  const toolkit = relative(root, join(__dirname, '..'));
  const files = [...INPUT_PATHS, toolkit].flatMap((path) => listFiles(root, path));
  const envFiles = readdirSync(root).filter((name) => name.startsWith('.env')).sort();
  for (const file of [...files, ...envFiles]) {
    hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  }
  for (const name of variableNames(schema, env)) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/** The declared names, and PUBLIC_* ones the environment sets (a build may inline them), in a stable order. */
function variableNames(schema: readonly VarSpec[], env: Readonly<Record<string, string | undefined>>): string[] {
  const publicNames = Object.keys(env).filter((name) => name.startsWith(PUBLIC_PREFIX));
  return [...new Set([...schema.map((spec) => spec.name), ...publicNames, 'NODE_ENV'])].sort();
}

/** Every file under a path, relative to root, sorted (a missing path has none). */
function listFiles(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => listFiles(root, join(path, name)));
}
