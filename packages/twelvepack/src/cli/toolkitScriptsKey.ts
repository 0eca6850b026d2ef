import { join, relative, resolve, sep } from 'node:path';

/**
 * The key npm 11 and 12 give a `file:` dependency in allowScripts, as `npm install-scripts deny` writes it: a
 * tarball by its absolute path, a folder relative to the app's node_modules. (A `file:` dependency
 * is not matched by its name.) `undefined` for any other spec, which the name alone covers. Pure.
 */
export function toolkitScriptsKey(spec: string, cwd: string, appDir: string): string | undefined {
  if (!spec.startsWith('file:')) return undefined;
  const path = resolve(cwd, spec.slice('file:'.length));
  if (/\.(tgz|tar\.gz)$/.test(path)) return `file:${path}`;
  return `file:${relative(join(appDir, 'node_modules'), path).split(sep).join('/')}`;
}
