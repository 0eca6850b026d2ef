import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { explainNativeLoadError } from '../../../src/server/store/explainNativeLoadError';
import { runCommand } from '../../support/runCommand';
import { useTempDir } from '../../support/useTempDir';

const installed = (name: string) => dirname(require.resolve(`${name}/package.json`));

describe('explainNativeLoadError (better-sqlite3 without its native part)', () => {
  const temp = useTempDir('twelvepack-unbuilt-sqlite-');

  it('explains the real error of a better-sqlite3 whose install script never ran: allowScripts, then npm rebuild', async () => {
    // better-sqlite3 as npm 12 leaves it when its install script is skipped: its JavaScript, no build/ folder.
    const modules = join(temp.path(), 'node_modules');
    mkdirSync(modules);
    cpSync(installed('better-sqlite3'), join(modules, 'better-sqlite3'), { recursive: true, filter: (from) => !from.includes('/build') });
    for (const dependency of ['bindings', 'file-uri-to-path']) symlinkSync(installed(dependency), join(modules, dependency));
    const script = "try { new (require('better-sqlite3'))(':memory:') } catch (error) { process.stdout.write(JSON.stringify(error.message)) }";
    const { output } = await runCommand(process.execPath, ['-e', script], { cwd: temp.path(), timeoutMs: 30_000 });
    const real = new Error(JSON.parse(output) as string);

    const explained = explainNativeLoadError(real);
    expect(explained?.message).toContain('never built');
    expect(explained?.message).toContain('"allowScripts": { "better-sqlite3": true }');
    expect(explained?.message).toContain('npm rebuild better-sqlite3');
    expect(explained?.cause).toBe(real);
  });

  it('says the build is for another Node when the ABI differs', () => {
    const error = new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 137. This version requires NODE_MODULE_VERSION 115.');
    expect(explainNativeLoadError(error)?.message).toContain(`built for another version of Node than this one (${process.version})`);
  });

  it('leaves every other error alone', () => {
    expect(explainNativeLoadError(new Error('SQLITE_CANTOPEN: unable to open database file'))).toBeUndefined();
    expect(explainNativeLoadError('not an error')).toBeUndefined();
  });
});
