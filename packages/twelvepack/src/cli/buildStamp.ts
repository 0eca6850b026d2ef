import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stamp's name in a build folder: beside client/, never inside what is served. */
const STAMP_NAME = 'build-stamp.json';

/** Where the stamp lives, from the app's folder. */
export const STAMP_FILE = join('dist', STAMP_NAME);

/** The fingerprint the last successful build recorded, if any. */
export function readStamp(root: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8')) as { fingerprint?: string }).fingerprint;
  } catch {
    return undefined;
  }
}

/**
 * Records a successful build, so an install step with the same inputs knows
 * not to build again.
 * @param buildDir the build's folder: dist/, or the staging folder that becomes it
 * @param fingerprint of the inputs as they were when the build started
 */
export function writeStamp(buildDir: string, fingerprint: string): void {
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(join(buildDir, STAMP_NAME), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

/** Whether dist/ holds a build of exactly these inputs (a stamp alone, with the client deleted, is not one). */
export function isStampFresh(root: string, fingerprint: string): boolean {
  return readStamp(root) === fingerprint && existsSync(join(root, 'dist', 'client', 'asset-manifest.json'));
}
