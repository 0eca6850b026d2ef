import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUILD_DIR_VARIABLE } from './builtApp';
import { TARBALL_VARIABLE } from './packedToolkit';

/** Removes the shared test build (the node_modules link inside is removed, never followed) and the tarball's folder. */
export default function globalTeardown(): void {
  const dir = process.env[BUILD_DIR_VARIABLE];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  const tarball = process.env[TARBALL_VARIABLE];
  if (tarball !== undefined) rmSync(dirname(tarball), { recursive: true, force: true });
}
