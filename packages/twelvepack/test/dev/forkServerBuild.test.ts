// The dev session's server build in a process of its own: each build reported, a broken one named, its cache
// written when it closes, and nothing left running when the dev server dies.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forkServerBuild, type ServerBuild } from '../../src/dev/forkServerBuild';
import { copyFixtureApp } from '../support/copyFixtureApp';

const TOOLKIT = join(__dirname, '..', '..');

/** Resolves with the next build's result: undefined when it built, webpack's errors when it failed. */
function nextBuild(builds: Array<(failure: string | undefined) => void>): Promise<string | undefined> {
  return new Promise((resolve) => builds.push(resolve));
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids of the processes whose parent is `parent` (from /proc). */
const childrenOf = (parent: number) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(parent);
      } catch {
        return false;
      }
    })
    .map(Number);

describe("the dev session's server build process", () => {
  let app = '';
  let build: ServerBuild | undefined;
  const builds: Array<(failure: string | undefined) => void> = [];
  const exits: string[] = [];
  const outDir = () => join(app, '.cache', 'twelvepack', 'dev-server');
  beforeAll(() => {
    app = copyFixtureApp('react-app');
  });
  afterAll(async () => {
    await build?.close();
    rmSync(app, { recursive: true, force: true });
  });

  it('builds the server, reports each build, names the file of a broken one, and writes its cache when closed', async () => {
    let first = nextBuild(builds);
    build = forkServerBuild({
      root: app,
      outDir: outDir(),
      manifest: join(app, 'src', 'app'),
      secrets: [],
      onBuild: (failure) => builds.shift()?.(failure),
      onExit: (how) => exits.push(how),
    });
    expect(await first).toBeUndefined();
    expect(readFileSync(join(outDir(), 'main.js'), 'utf8')).toContain('hello, version 1');

    const file = join(app, 'src', 'server', 'hello.ts');
    const good = readFileSync(file, 'utf8');
    first = nextBuild(builds);
    writeFileSync(file, `${good}\nconst broken = ;\n`);
    expect(await first).toMatch(/src\/server\/hello\.ts/);

    first = nextBuild(builds);
    writeFileSync(file, good.replace('version 1', 'version 2'));
    expect(await first).toBeUndefined();
    expect(readFileSync(join(outDir(), 'main.js'), 'utf8')).toContain('hello, version 2');

    await build.close();
    build = undefined;
    expect(exits).toEqual([]);
    const caches = readdirSync(join(app, 'node_modules', '.cache', 'webpack'));
    expect(caches.some((name) => name.startsWith('server-development-'))).toBe(true);
  }, 120_000);

  it('stops by itself when the dev server dies, even by SIGKILL', async () => {
    const script = [
      `require(${JSON.stringify(join(TOOLKIT, 'src', 'cli', 'registerTypeScript.js'))});`,
      `const { forkServerBuild } = require(${JSON.stringify(join(TOOLKIT, 'src', 'dev', 'forkServerBuild.ts'))});`,
      `forkServerBuild({ root: ${JSON.stringify(app)}, outDir: ${JSON.stringify(join(app, '.cache', 'killed'))}, manifest: ${JSON.stringify(join(app, 'src', 'app'))}, secrets: [], onBuild: () => console.log('built'), onExit: () => {} });`,
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const parent = spawn(process.execPath, ['-e', script], { cwd: TOOLKIT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => parent.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('built') && resolve()));
      const [child] = childrenOf(parent.pid!);
      expect(child).toBeDefined();
      parent.kill('SIGKILL');
      const started = Date.now();
      while (isAlive(child!) && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isAlive(child!)).toBe(false);
      expect(existsSync(join(app, '.cache', 'killed', 'main.js'))).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  }, 120_000);
});
