import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder under templates/ with the files every template shares; a template's own files take its place. */
export const COMMON_TEMPLATE = 'common';

/**
 * A template's files, by path with `/`, in a stable order: templates/common,
 * then the template's own folder over it (a file of the same path wins).
 */
export function readTemplate(templatesDir: string, template: string): Map<string, Buffer> {
  return new Map([...readFolder(join(templatesDir, COMMON_TEMPLATE)), ...readFolder(join(templatesDir, template))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The file of a template at a path, as readTemplate resolves it (its own, else the common one). */
export function templateFilePath(templatesDir: string, template: string, path: string): string {
  const own = join(templatesDir, template, path);
  return existsSync(own) ? own : join(templatesDir, COMMON_TEMPLATE, path);
}

/** Every file under a folder, by path with `/`. */
function readFolder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(path, readFileSync(join(dir, path)));
    }
  };
  walk('');
  return files;
}
