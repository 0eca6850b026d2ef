import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/parseConfig';
import { useTempDir } from '../support/useTempDir';

const TOOLKIT = join(__dirname, '..', '..');
/** The workspace's installed packages (webpack-cli and Babel for the child build). */
const NODE_MODULES = join(TOOLKIT, '..', '..', 'node_modules');
const MB = 1024 * 1024;

/** The cap as the config module parses it: the one parser `npm run build` and postinstall use. */
const heapCap = (value: string | undefined) => parseConfig({ env: { TWELVEPACK_BUILD_HEAP_MB: value }, mode: 'production' });

describe('TWELVEPACK_BUILD_HEAP_MB, as the config module parses it', () => {
  it.each([
    [undefined, 384],
    ['', 384],
    ['512', 512],
    [' 2048 ', 2048],
    ['128', 128],
  ])('%j gives a cap of %i MB', (value, expected) => {
    expect(heapCap(value)).toMatchObject({ ok: true, config: { TWELVEPACK_BUILD_HEAP_MB: expected } });
  });

  it.each(['127', '0', '-512', '1.5', '512MB', 'lots', '  '])('refuses %j, saying what is allowed', (value) => {
    const result = heapCap(value);
    if (result.ok) throw new Error(`${JSON.stringify(value)} was accepted`);
    expect(result.problems).toEqual([{ name: 'TWELVEPACK_BUILD_HEAP_MB', message: expect.stringContaining('TWELVEPACK_BUILD_HEAP_MB must be a whole number from 128 to 65536') }]);
    expect(result.problems[0]?.message).toContain(`(got ${JSON.stringify(value)})`);
  });
});

/**
 * `npm run build` (src/cli/build.js) as a real child process, in a project
 * whose webpack.config.ts reports the heap limit it runs under, or exhausts it.
 */
describe('npm run build: the heap cap, as a real process', () => {
  const temp = useTempDir('twelvepack-build-heap-');

  const project = (webpackConfig: string) => {
    const root = temp.path();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'heap-fixture', private: true }));
    writeFileSync(join(root, 'webpack.config.ts'), webpackConfig);
    // The verb loads the app's configuration before it builds, so the project declares an app (this config never builds it).
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'app.ts'), "export default { variables: [], pages: [{ name: 'main', entry: 'src/main.ts', template: 'public/index.html' }], routes: [] };\n");
    symlinkSync(NODE_MODULES, join(root, 'node_modules'), 'dir');
    return root;
  };
  const build = (root: string, env: Record<string, string> = {}) => {
    const { TWELVEPACK_BUILD_HEAP_MB: _ignored, ...inherited } = process.env;
    const result = spawnSync(process.execPath, [join(TOOLKIT, 'src', 'cli', 'build.js')], { cwd: root, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  // Reports the V8 heap limit the config is loaded under, then ends the build successfully.
  const REPORT_LIMIT = "console.log('HEAP_LIMIT ' + require('v8').getHeapStatistics().heap_size_limit); process.exit(0);\n";

  it.each([
    ['the default', {}, 384],
    ['TWELVEPACK_BUILD_HEAP_MB=200', { TWELVEPACK_BUILD_HEAP_MB: '200' }, 200],
  ])('runs webpack under %s cap and stamps dist/ after success', (_name, env, capMb) => {
    const root = project(REPORT_LIMIT);
    const run = build(root, env);
    expect(run.status).toBe(0);
    const limit = Number(/HEAP_LIMIT (\d+)/.exec(run.output)?.[1]);
    // heap_size_limit is the old space cap plus the young generation (tens of MB).
    expect(limit).toBeGreaterThanOrEqual(capMb * MB);
    expect(limit).toBeLessThan((capMb + 100) * MB);
    expect(JSON.parse(readFileSync(join(root, 'dist', 'build-stamp.json'), 'utf8'))).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), builtAt: expect.any(String) });
  });

  it('says the build ran out of memory and how to give it more, when the heap is exhausted; no stamp', () => {
    const root = project('const hog = []; for (;;) hog.push(new Array(100000).fill(hog.length));\n');
    const run = build(root, { TWELVEPACK_BUILD_HEAP_MB: '128' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('twelvepack: the production build ran out of memory: its heap is capped at 128 MB');
    expect(run.output).toContain('TWELVEPACK_BUILD_HEAP_MB=256');
    expect(existsSync(join(root, 'dist', 'build-stamp.json'))).toBe(false);
  });

  it('refuses a bad TWELVEPACK_BUILD_HEAP_MB before starting anything, with the config module’s message', () => {
    const root = project(REPORT_LIMIT);
    const run = build(root, { TWELVEPACK_BUILD_HEAP_MB: 'lots' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('twelvepack: the configuration has 1 problem:');
    expect(run.output).toContain('TWELVEPACK_BUILD_HEAP_MB must be a whole number from 128 to 65536');
    expect(run.output).toContain('(got "lots")');
    expect(run.output).not.toContain('HEAP_LIMIT');
  });

  it('refuses a bad value of any other variable too, listing every problem, before starting anything', () => {
    const root = project(REPORT_LIMIT);
    const run = build(root, { TWELVEPACK_BUILD_HEAP_MB: '64', LOG_LEVEL: 'loud' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('twelvepack: the configuration has 2 problems:');
    expect(run.output).toContain('LOG_LEVEL must be one of');
    expect(run.output).not.toContain('HEAP_LIMIT');
  });

  it('reports an ordinary build failure as one, pointing at the output above', () => {
    const root = project("throw new Error('config is broken');\n");
    const run = build(root);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('config is broken');
    expect(run.output).toContain('twelvepack: the production build failed (see above)');
  });
});
