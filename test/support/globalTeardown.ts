import { rmSync } from 'node:fs';
import { APP_TEMP_BUILD_VARIABLE } from './builtDemo';

/**
 * Removes the demo's test build when globalSetup made one in a temp folder (the
 * node_modules link inside is removed, never followed). A reused dist/ is the
 * app's own: it is never in that variable.
 */
export default function globalTeardown(): void {
  const dir = process.env[APP_TEMP_BUILD_VARIABLE];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
