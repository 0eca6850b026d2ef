import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder, recursively, as paths joined onto `dir`, sorted; none for a missing folder. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
