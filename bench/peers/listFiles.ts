import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under a folder, recursively, as paths joined onto `dir`, sorted; none for a missing folder.
 * Files under a dot-folder are left out: they are not what the build emitted (twelvepack build keeps the
 * previous builds' hashed files in dist/client/.previous, which a warm build would otherwise count).
 */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(dir, path).split(sep).slice(0, -1).some((segment) => segment.startsWith('.')))
    .sort();
}
