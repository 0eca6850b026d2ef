import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_DIR } from './packedToolkit';

/** The installed packages (the repository's node_modules), found from one of them. */
const INSTALLED = join(dirname(require.resolve('webpack/package.json')), '..');

/**
 * A copy of one of the toolkit's fixture apps (test/fixtures/NAME) in a temp folder, for specs that edit its
 * sources: every installed package linked from the repository, and twelvepack linked to this toolkit, as npm's
 * workspace links it. The caller removes the folder.
 */
export function copyFixtureApp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `twelvepack-${name}-`));
  cpSync(join(PACKAGE_DIR, 'test', 'fixtures', name), dir, { recursive: true, filter: (source) => !/[\\/]node_modules$/.test(source) });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(INSTALLED)) {
    if (entry === 'twelvepack' || entry === '.cache' || entry.startsWith('.')) continue;
    symlinkSync(join(INSTALLED, entry), join(dir, 'node_modules', entry));
  }
  symlinkSync(PACKAGE_DIR, join(dir, 'node_modules', 'twelvepack'), 'dir');
  return dir;
}
