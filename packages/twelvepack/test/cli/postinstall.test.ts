import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Plain JavaScript module (it runs before build tools exist); typed through JSDoc.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { decidePostinstall } = require('../../src/cli/decidePostinstall') as typeof import('../../src/cli/decidePostinstall');

const TOOLKIT = join(__dirname, '..', '..');
// The demo app at the top of the repository (until the toolkit specs get fixture apps of their own).
const ROOT = join(TOOLKIT, '..', '..');
const facts = {
  packageRoot: '/srv/app',
  initCwd: '/srv/app',
  skipBuild: undefined,
  missingTools: [] as string[],
  stampIsFresh: false,
};

describe('decidePostinstall', () => {
  it.each([
    ['builds on a fresh install of the app itself', {}, 'build'],
    ['builds when npm was started from a subfolder of the app', { initCwd: '/srv/app/src' }, 'build'],
    ['skips when installed as a dependency of another project', { initCwd: '/srv/other' }, 'skip'],
    ['skips when its own folder sits inside node_modules', { packageRoot: '/srv/other/node_modules/twelvepack', initCwd: undefined }, 'skip'],
    ['skips when TWELVEPACK_SKIP_BUILD=true', { skipBuild: 'true' }, 'skip'],
    ['skips when TWELVEPACK_SKIP_BUILD=1', { skipBuild: '1' }, 'skip'],
    ['builds when TWELVEPACK_SKIP_BUILD=false', { skipBuild: 'false' }, 'build'],
    ['skips when dist/ was built from the same inputs', { stampIsFresh: true }, 'skip'],
    ['skips a fresh build even when the tools have since been pruned', { stampIsFresh: true, missingTools: ['webpack'] }, 'skip'],
    ['fails when build tools are missing', { missingTools: ['webpack', 'babel-loader'] }, 'fail'],
  ])('%s', (_name, overrides, action) => {
    expect(decidePostinstall({ ...facts, ...overrides }).action).toBe(action);
  });

  it('says which tools are missing and what to do', () => {
    const { reason } = decidePostinstall({ ...facts, missingTools: ['webpack', 'babel-loader'] });
    expect(reason).toContain('webpack, babel-loader are not installed');
    expect(reason).toContain('npm ci');
    expect(reason).toContain('TWELVEPACK_SKIP_BUILD=true');
  });
});

/** A temp project (optionally holding the whole app) that the toolkit's postinstall runs in. */
function makeProject(dir: string, withApp: boolean): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'twelvepack', private: true }));
  if (withApp) {
    for (const path of ['src', 'public', 'package.json', 'babel.config.js', 'webpack.config.ts', '.env.example']) {
      cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  return dir;
}

function runPostinstall(root: string, env: Record<string, string>) {
  const { TWELVEPACK_SKIP_BUILD: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [join(TOOLKIT, 'src', 'cli', 'postinstall.js')], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('postinstall, run as npm runs it', () => {
  const temp = () => mkdtempSync(join(tmpdir(), 'twelvepack-postinstall-'));

  it('does nothing when twelvepack is installed as another package’s dependency', () => {
    const consumer = temp();
    const root = makeProject(join(consumer, 'node_modules', 'twelvepack'), false);
    const run = runPostinstall(root, { INIT_CWD: consumer });
    expect(run).toMatchObject({ status: 0 });
    expect(run.output).toContain('not building: installed as a dependency');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('fails clearly when the build tools are not installed', () => {
    const root = makeProject(temp(), false);
    const run = runPostinstall(root, { INIT_CWD: root });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/cannot build: webpack, webpack-cli, .* are not installed/);
    expect(run.output).toContain('TWELVEPACK_SKIP_BUILD=true');
  });

  it('builds once: a second install step with the same inputs does not build again, a changed source does', () => {
    const root = makeProject(temp(), true);
    const first = runPostinstall(root, { INIT_CWD: root, npm_lifecycle_event: 'postinstall' });
    expect(first.output).toContain('building the production bundle');
    expect(first.status).toBe(0);
    const manifest = join(root, 'dist', 'client', 'asset-manifest.json');
    const builtAt = statSync(manifest).mtimeMs;

    const second = runPostinstall(root, { INIT_CWD: root, npm_lifecycle_event: 'heroku-postbuild' });
    expect(second).toMatchObject({ status: 0 });
    expect(second.output).toContain('not building: dist/ is already built');
    expect(statSync(manifest).mtimeMs).toBe(builtAt);

    writeFileSync(join(root, 'src', 'client', 'data', 'factors.json'), readFileSync(join(root, 'src', 'client', 'data', 'factors.json'), 'utf8').replace('Codebase', 'Code base'));
    const third = runPostinstall(root, { INIT_CWD: root });
    expect(third.output).toContain('building the production bundle');
    expect(third.status).toBe(0);
    expect(statSync(manifest).mtimeMs).toBeGreaterThan(builtAt);
  });
});
