import childProcess from 'node:child_process';
import { chooseBabelWorkers, WORKER_MEMORY_FLOOR_BYTES } from '../../src/webpack/babelWorkers';
import { runFixtureBuild } from './runFixtureBuild';

const GIB = 1024 ** 3;

describe('how many Babel workers a production build runs', () => {
  it.each([
    ['unset, 2 CPUs, 24 GiB', { configured: undefined, cpus: 2, memoryBytes: 24 * GIB }, 1],
    ['unset, 16 CPUs: still one (more gained little and cost a process each)', { configured: undefined, cpus: 16, memoryBytes: 64 * GIB }, 1],
    ['unset, 1 CPU: none (nothing to run beside)', { configured: undefined, cpus: 1, memoryBytes: 24 * GIB }, 0],
    ['unset, 2 CPUs, a 512 MB machine: none', { configured: undefined, cpus: 2, memoryBytes: 512 * 1024 ** 2 }, 0],
    ['unset, just under the floor: none', { configured: undefined, cpus: 2, memoryBytes: WORKER_MEMORY_FLOOR_BYTES - 1 }, 0],
    ['0 on a large machine: none', { configured: 0, cpus: 8, memoryBytes: 64 * GIB }, 0],
    ['3 on a small machine: 3, as asked', { configured: 3, cpus: 1, memoryBytes: GIB }, 3],
  ])('%s', (_name, machine, workers) => {
    expect(chooseBabelWorkers(machine)).toBe(workers);
  });
});

describe('a production build with Babel in a worker process', () => {
  // Which processes the build started (thread-loader's pool lives per module registry, so this file starts its own).
  let spawned: string[];
  let workers: childProcess.ChildProcess[];
  beforeEach(() => {
    spawned = [];
    workers = [];
    const spawn = childProcess.spawn;
    jest.spyOn(childProcess, 'spawn').mockImplementation(((command: string, args: readonly string[], options: childProcess.SpawnOptions) => {
      spawned.push(args.join(' '));
      const child = spawn(command, args, options);
      if (args.join(' ').includes('thread-loader')) workers.push(child);
      return child;
    }) as typeof childProcess.spawn);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes exactly the files, byte for byte, that the build without workers writes', async () => {
    const inProcess = await runFixtureBuild({ env: { TWELVEPACK_BUILD_WORKERS: '0' } });
    expect(spawned).toEqual([]);
    const inWorker = await runFixtureBuild({ env: { TWELVEPACK_BUILD_WORKERS: '1' } });
    expect(spawned.filter((args) => args.includes('thread-loader'))).toHaveLength(1);
    expect(inWorker.files.length).toBeGreaterThan(0);

    expect(inProcess.errors).toEqual([]);
    expect(inWorker.errors).toEqual([]);
    expect(inWorker.files).toEqual(inProcess.files);
    // A map's `file` holds the script's name before webpack's real content hash renamed it, a hash of the module
    // builds (loader options included): the one thing that differs, and no browser reads it.
    // The manifest lists the maps' hashes, so those too.
    const comparable = (output: typeof inProcess, file: string): unknown => {
      if (file.endsWith('.map')) return { ...JSON.parse(output.read(file)), file: undefined };
      if (file !== 'asset-manifest.json') return output.read(file);
      const manifest = JSON.parse(output.read(file)) as { files: Record<string, { hash: string }> };
      return Object.entries(manifest.files).map(([name, entry]) => ({ name, ...entry, hash: name.endsWith('.map') ? undefined : entry.hash }));
    };
    for (const file of inProcess.files) expect({ file, content: comparable(inWorker, file) }).toEqual({ file, content: comparable(inProcess, file) });
  });

  it('ends its worker as soon as the build is done, not when the worker has idled for its timeout', async () => {
    const build = await runFixtureBuild({ env: { TWELVEPACK_BUILD_WORKERS: '1' } });
    expect(build.errors).toEqual([]);
    expect(workers).toHaveLength(1);
    // Idle workers wait 2 s for more modules (babelWorkerOptions); a finished build ends them at once.
    const exited = await Promise.race([
      new Promise<boolean>((resolve) => (workers[0]!.exitCode === null ? workers[0]!.once('exit', () => resolve(true)) : resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
    ]);
    expect(exited).toBe(true);
  });

  it("reports a Babel syntax error from the worker naming the module, with a secret's value redacted", async () => {
    const value = 'sk_live_worker_fixture_0123456789abcdef';
    const build = await runFixtureBuild({
      entry: './src/fails.ts',
      env: { TWELVEPACK_BUILD_WORKERS: '1', STRIPE_SECRET: value },
      files: { 'src/fails.ts': `export const planted = '${value}' +;\n` },
    });
    expect(build.errors.join('\n')).toMatch(/fails\.ts[\s\S]*Unexpected token/);
    // Babel's message first, as in-process (thread-loader would open with `Thread Loader (Worker 0)`), from the loader in front of Babel.
    expect(build.printed).toMatch(/Module build failed \(from [^)]*transpileLoader\.js\):\n[^\n]*fails\.ts: Unexpected token/);
    expect(build.printed).not.toContain('Thread Loader');
    expect(build.printed).toContain('[secret STRIPE_SECRET]');
    expect(build.printed).not.toContain(value);
    expect(build.files).toEqual([]);
  });
});
