import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PROJECT_FILES = ['src', 'public', 'package.json', 'babel.config.js', 'webpack.config.ts', '.env.example', 'tsconfig.base.json', 'tsconfig.json'];

/** A copy of the project in a temp folder (node_modules linked), for tests that edit sources. */
export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twelvepack-project-'));
  for (const path of PROJECT_FILES) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
