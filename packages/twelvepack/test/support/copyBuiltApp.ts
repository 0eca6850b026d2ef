import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtAppDir } from './builtApp';

/**
 * A copy of the shared test build that a spec may break or replace: `dist/server`, and `dist/client` unless
 * `client` is false, with a link to its node_modules. The caller removes the folder.
 */
export function copyBuiltApp({ client = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'twelvepack-built-copy-'));
  mkdirSync(join(dir, 'dist'));
  for (const part of client ? ['server', 'client'] : ['server']) cpSync(join(builtAppDir(), 'dist', part), join(dir, 'dist', part), { recursive: true });
  symlinkSync(join(builtAppDir(), 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
