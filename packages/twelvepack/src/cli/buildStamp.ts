import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the stamp lives: beside dist/client, never inside what is served. */
export const STAMP_FILE = join('dist', 'build-stamp.json');

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
 * @param fingerprint of the inputs as they were when the build started
 */
export function writeStamp(root: string, fingerprint: string): void {
  mkdirSync(dirname(join(root, STAMP_FILE)), { recursive: true });
  writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

/** Whether dist/ holds a build of exactly these inputs (a stamp alone, with the client deleted, is not one). */
export function isStampFresh(root: string, fingerprint: string): boolean {
  return readStamp(root) === fingerprint && existsSync(join(root, 'dist', 'client', 'asset-manifest.json'));
}
