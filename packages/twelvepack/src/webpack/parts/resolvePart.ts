import { toolkitAliases } from '../toolkitAliases';
import type { BrowserPart } from './BrowserPart';

/** How imports are found: TypeScript before JavaScript, as TypeScript itself resolves, each with its JSX form. */
export const resolvePart: BrowserPart = () => ({
  resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.jsx', '.json'], alias: toolkitAliases() },
});
