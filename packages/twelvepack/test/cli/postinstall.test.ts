import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../support/useTempDir';
import { makeProject, TOOLKIT } from './makeProject';

function runPostinstall(root: string, env: Record<string, string>) {
  const { TWELVEPACK_SKIP_BUILD: _skip, TWELVEPACK_BUILD_HEAP_MB: _heap, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [join(TOOLKIT, 'src', 'cli', 'postinstall.js')], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('postinstall, run as npm runs it', () => {
  const temp = useTempDir('twelvepack-postinstall-');

  it('does nothing when twelvepack is installed as another package’s dependency', () => {
    const consumer = temp.path();
    const root = makeProject(join(consumer, 'node_modules', 'twelvepack'));
    const run = runPostinstall(root, { INIT_CWD: consumer });
    expect(run).toMatchObject({ status: 0 });
    expect(run.output).toContain('not building: installed as a dependency');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('fails clearly when the build tools are not installed', () => {
    const root = makeProject(temp.path());
    const run = runPostinstall(root, { INIT_CWD: root });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/cannot build: webpack, webpack-cli, .* are not installed/);
    expect(run.output).toContain('run `npm ci` again');
  });

  it.each(['true', '1'])('does not build when TWELVEPACK_SKIP_BUILD=%s is in the environment', (value) => {
    const root = makeProject(temp.path(), { app: true });
    const run = runPostinstall(root, { INIT_CWD: root, TWELVEPACK_SKIP_BUILD: value });
    expect(run).toMatchObject({ status: 0 });
    expect(run.output).toContain('not building: TWELVEPACK_SKIP_BUILD is set');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('honours TWELVEPACK_SKIP_BUILD before the sources are there (a Docker layer that installs first)', () => {
    const root = makeProject(temp.path(), { tools: true });
    const run = runPostinstall(root, { INIT_CWD: root, TWELVEPACK_SKIP_BUILD: 'true' });
    expect(run).toMatchObject({ status: 0 });
    expect(run.output).toContain('not building: TWELVEPACK_SKIP_BUILD is set');
  });

  it("stops with the config module's message, every problem listed, before any build", () => {
    const root = makeProject(temp.path(), { app: true });
    const run = runPostinstall(root, { INIT_CWD: root, PORT: 'abc', TWELVEPACK_SKIP_BUILD: 'maybe' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('twelvepack: the configuration has 2 problems:');
    expect(run.output).toContain('PORT must be a whole number from 0 to 65535 (got "abc")');
    expect(run.output).toContain('TWELVEPACK_SKIP_BUILD must be true or false (got "maybe")');
    expect(run.output).not.toContain('building the production bundle');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('builds once: a second install step with the same inputs does not build again, a changed source does', () => {
    const root = makeProject(temp.path(), { app: true });
    const first = runPostinstall(root, { INIT_CWD: root, npm_lifecycle_event: 'postinstall' });
    expect(first.output).toContain('building the production bundle');
    expect(first.status).toBe(0);
    const manifest = join(root, 'dist', 'client', 'asset-manifest.json');
    const builtAt = statSync(manifest).mtimeMs;

    const second = runPostinstall(root, { INIT_CWD: root, npm_lifecycle_event: 'heroku-postbuild' });
    expect(second).toMatchObject({ status: 0 });
    expect(second.output).toContain('not building: dist/ is already built');
    expect(statSync(manifest).mtimeMs).toBe(builtAt);

    const notes = join(root, 'src', 'client', 'notes.json');
    writeFileSync(notes, readFileSync(notes, 'utf8').replace('Note 1', 'Note one'));
    const third = runPostinstall(root, { INIT_CWD: root });
    expect(third.output).toContain('building the production bundle');
    expect(third.status).toBe(0);
    expect(statSync(manifest).mtimeMs).toBeGreaterThan(builtAt);
  });
});
