import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// This app (the demo), with the toolkit beside it as in the repository.
const ROOT = join(__dirname, '..', '..');
const PROJECT_FILES = ['src', 'public', 'package.json', 'babel.config.js', 'webpack.config.ts', '.env.example', 'tsconfig.json'];

/**
 * A copy of the project in a temp folder, for tests that edit sources: the app's
 * files and the toolkit (packages/twelvepack, linked as node_modules/twelvepack as
 * npm's workspace does), every other installed package linked from the repository.
 */
export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twelvepack-project-'));
  for (const path of PROJECT_FILES) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  cpSync(join(ROOT, 'packages', 'twelvepack'), join(dir, 'packages', 'twelvepack'), {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|\.cache|test-output)$/.test(source),
  });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'twelvepack' || name === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  symlinkSync(join('..', 'packages', 'twelvepack'), join(dir, 'node_modules', 'twelvepack'), 'dir');
  return dir;
}
