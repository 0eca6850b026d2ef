import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Replaces one exact passage of a file in a copied project, as a person would
 * edit it. Throws when the passage is not there: the app changed shape, and the
 * spec that makes this edit must be updated with it (never a silent no-op).
 */
export function editFile(project: string, file: string, passage: string, replacement: string): void {
  const path = join(project, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(passage)) throw new Error(`${file} no longer contains ${JSON.stringify(passage)}: update the spec's edit to match the app.`);
  writeFileSync(path, text.replace(passage, replacement));
}
