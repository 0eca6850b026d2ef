import { rmSync } from 'node:fs';
import { APP_BUILD_DIR_VARIABLE } from './builtDemo';

/** Removes the demo's test build (the node_modules link inside is removed, never followed). */
export default function globalTeardown(): void {
  const dir = process.env[APP_BUILD_DIR_VARIABLE];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
