import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../support/useTempDir';
import { makeProject, TOOLKIT } from './makeProject';

/** A credential-named variable of the environment, and a value no message may print. */
const SECRET = { PAYMENTS_API_KEY: 'pay-live-5b8e1f0c9a7d4e2b' };

function run(verb: 'build.js' | 'envExample.js', root: string) {
  const result = spawnSync(process.execPath, [join(TOOLKIT, 'src', 'cli', verb)], { cwd: root, env: { ...process.env, ...SECRET }, encoding: 'utf8', timeout: 60_000 });
  // Babel colours its code frame where colour is supported (CI=true counts): the text without the escape codes.
  return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

describe('an app that does not load (a syntax error in src/app.ts or a module it imports)', () => {
  const temp = useTempDir('twelvepack-app-load-');

  /** The fixture app with a syntax error on a line that holds the secret's value. */
  const brokenApp = () => {
    const root = makeProject(temp.path(), { app: true });
    const routes = join(root, 'src', 'server', 'routes.ts');
    writeFileSync(routes, `${readFileSync(routes, 'utf8')}\nconst key = ${JSON.stringify(SECRET.PAYMENTS_API_KEY)} +;\n`);
    return root;
  };

  it.each(['build.js', 'envExample.js'] as const)('%s says which file and where, with the code frame, and exits 1 without building', (verb) => {
    const root = brokenApp();
    const { status, output } = run(verb, root);
    expect(status).toBe(1);
    expect(output).toContain('twelvepack: the app could not be loaded:');
    expect(output).toMatch(/routes\.ts: Unexpected token \(\d+:\d+\)/);
    expect(output).toContain('Fix it, then run the command again.');
    // Not Babel's own stack, and no build started.
    expect(output).not.toMatch(/at \w*ParserMixin/);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('prints the code frame with the secret on that line redacted', () => {
    const { output } = run('build.js', brokenApp());
    expect(output).toContain('const key = "[secret PAYMENTS_API_KEY]" +;');
    expect(output).not.toContain(SECRET.PAYMENTS_API_KEY);
  });
});
