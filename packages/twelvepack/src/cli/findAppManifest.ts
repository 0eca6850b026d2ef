import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The app's manifest file in its folder (src/app.ts, .tsx or .js), if there is one. */
export function findAppManifest(root: string): string | undefined {
  return ['app.ts', 'app.tsx', 'app.js'].map((file) => join(root, 'src', file)).find((file) => existsSync(file));
}
