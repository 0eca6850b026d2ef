import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schema } from '../../src/config/schema';
import { useTempDir } from '../support/useTempDir';

// Plain JavaScript module (postinstall loads it before the TypeScript tools are known to exist); typed through JSDoc.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const heap = require('../../src/cli/spawnProductionBuild') as typeof import('../../src/cli/spawnProductionBuild');

const TOOLKIT = join(__dirname, '..', '..');
const ROOT = join(TOOLKIT, '..', '..');
const MB = 1024 * 1024;

describe('parseBuildHeapMb (TWELVEPACK_BUILD_HEAP_MB)', () => {
  it.each([
    [undefined, 384],
    ['', 384],
    ['  ', 384],
    ['512', 512],
    [' 2048 ', 2048],
    ['128', 128],
  ])('%j gives a cap of %i MB', (value, expected) => {
    expect(heap.parseBuildHeapMb(value)).toEqual({ heapMb: expected });
  });

  it.each(['127', '0', '-512', '1.5', '512MB', 'lots'])('refuses %j, saying what is allowed and how to get the default', (value) => {
    const result = heap.parseBuildHeapMb(value);
    expect(result).toEqual({ problem: expect.stringContaining('TWELVEPACK_BUILD_HEAP_MB must be a whole number of megabytes, at least 128') });
    expect((result as { problem: string }).problem).toContain(JSON.stringify(value));
    expect((result as { problem: string }).problem).toContain('unset it to use 384');
  });

  it('matches what the schema documents (default and minimum)', () => {
    const spec = schema.find((v) => v.name === 'TWELVEPACK_BUILD_HEAP_MB') as { default?: string; min?: number } | undefined;
    expect(spec).toMatchObject({ default: String(heap.DEFAULT_BUILD_HEAP_MB), min: heap.MIN_BUILD_HEAP_MB });
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
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
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

  it('refuses a bad TWELVEPACK_BUILD_HEAP_MB before starting anything', () => {
    const root = project(REPORT_LIMIT);
    const run = build(root, { TWELVEPACK_BUILD_HEAP_MB: 'lots' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('twelvepack: TWELVEPACK_BUILD_HEAP_MB must be a whole number of megabytes');
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
