// The allowScripts key init writes for a file: toolkit is the one npm itself matches: a real npm install of a tiny
// package with a prepare script, from a folder and from a tarball, lists nothing left to review.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolkitScriptsKey } from '../../src/cli/toolkitScriptsKey';
import { runCommand } from '../support/runCommand';
import { useTempDir } from '../support/useTempDir';

const temp = useTempDir('twelvepack-scripts-key-');

/** A package named twelvepack whose prepare writes a file; returns its folder. */
function writeToolkit(): string {
  const dir = join(temp.path(), 'toolkit');
  mkdirSync(dir);
  const prepare = `node -e "require('fs').writeFileSync('prepared', '')"`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'twelvepack', version: '0.1.0', scripts: { prepare } }));
  return dir;
}

async function installWith(spec: string, allowed: boolean): Promise<string> {
  const app = join(temp.path(), 'apps', 'app');
  mkdirSync(app, { recursive: true });
  const key = toolkitScriptsKey(spec, temp.path(), app)!;
  const relativeSpec = `file:../../${spec.slice('file:'.length)}`;
  const pkg = { name: 'app', version: '1.0.0', private: true, dependencies: { twelvepack: relativeSpec }, allowScripts: { [key]: allowed } };
  writeFileSync(join(app, 'package.json'), JSON.stringify(pkg));
  const run = await runCommand('npm', ['install', '--no-audit', '--no-fund'], { cwd: app, timeoutMs: 60_000 });
  expect(run.code).toBe(0);
  return run.output;
}

describe('toolkitScriptsKey: the allowScripts key npm matches for a file: toolkit', () => {
  it('is the name alone for any other spec', () => {
    expect(toolkitScriptsKey('0.1.0', '/work', '/work/app')).toBeUndefined();
  });

  it('covers a folder: npm runs its prepare and lists nothing to review', async () => {
    const dir = writeToolkit();
    const output = await installWith('file:toolkit', true);
    expect(output).not.toContain('not yet covered');
    expect(existsSync(join(dir, 'prepared'))).toBe(true);
  }, 90_000);

  it('covers a tarball: npm lists nothing to review', async () => {
    const dir = writeToolkit();
    const packed = await runCommand('npm', ['pack', '--ignore-scripts'], { cwd: dir, timeoutMs: 60_000 });
    expect(packed.code).toBe(0);
    const output = await installWith('file:toolkit/twelvepack-0.1.0.tgz', false);
    expect(output).not.toContain('not yet covered');
  }, 90_000);
});
