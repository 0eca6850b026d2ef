import { join } from 'node:path';
import type { BrowserPart } from './BrowserPart';

/** What the compilation is called and compiles: one entry per page, for the web at the bundle's ECMAScript version. */
export const entryPart: BrowserPart = (plan, { root, pages }) => ({
  name: plan.name,
  mode: plan.mode,
  context: root,
  // The bundle and webpack's own runtime alike.
  target: ['web', `es${plan.ecmaVersion}`],
  entry: Object.fromEntries(pages.map((page) => [page.name, join(root, page.entry)])),
  performance: { hints: false },
});
