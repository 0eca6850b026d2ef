import { rmSync } from 'node:fs';
import { BUILD_DIR_VARIABLE } from './builtApp';

/** Removes the shared test build (the node_modules link inside is removed, never followed). */
export default function globalTeardown(): void {
  const dir = process.env[BUILD_DIR_VARIABLE];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
