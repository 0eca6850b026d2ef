import { createHash } from 'node:crypto';

/**
 * The name of a build's webpack disk cache: the kind of build and the app's
 * folder. Apps that share a node_modules (a workspace with hoisted packages, a
 * linked node_modules) share its `.cache/webpack` too, and webpack's cached
 * resolutions do not tell their `twelvepack-app` aliases apart: without the
 * folder in the name, one app's server build bundled another app's routes.
 */
export function cacheName(kind: string, root: string): string {
  return `${kind}-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`;
}
