import { join } from 'node:path';
import { toolkitAliases } from '../toolkitAliases';
import type { BrowserPart } from './BrowserPart';

/** How imports are found: TypeScript before JavaScript, as TypeScript itself resolves, each with its JSX form; `/x` in the public folder. */
export const resolvePart: BrowserPart = (_plan, { root, publicDir }) => ({
  resolve: {
    extensions: ['.ts', '.tsx', '.mjs', '.js', '.jsx', '.json'],
    alias: toolkitAliases(),
    // An import of a served path (`/logo.svg`, as a Vite app writes it) is the public folder's file.
    roots: [join(root, publicDir)],
    // A file's absolute path (what loaders and plugins request) is tried as it is first, then the public folder.
    preferAbsolute: true,
  },
});
