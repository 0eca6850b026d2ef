import { builtinModules } from 'node:module';

/** Names npm refuses for a new package, whatever their spelling. */
const RESERVED = new Set(['node_modules', 'favicon.ico', ...builtinModules]);

/** npm's limit on a package name's length. */
const MAX_LENGTH = 214;

/**
 * A valid npm package name made from a folder's name (`My Shop!` becomes
 * `my-shop`): lower case, URL-safe characters only, not starting with `.` or
 * `_`, at most 214 characters, never a Node built-in's name. Pure.
 */
export function toPackageName(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_LENGTH)
    .replace(/^[-._~]+|[-.~]+$/g, '');
  if (name === '') return 'app';
  return RESERVED.has(name) ? `${name}-app` : name;
}
