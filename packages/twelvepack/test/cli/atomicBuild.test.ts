import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { removeStaleStaging } from '../../src/cli/replaceDist';
import { useTempDir } from '../support/useTempDir';
import { makeProject, TOOLKIT } from './makeProject';

/** A credential-named variable of the environment: the leak guard hunts for its value. */
const SECRET = { FIXTURE_API_TOKEN: 'tok_9f8e7d6c5b4a3210fedc' };

/** `npm run build` (src/cli/build.js) as a real child process in the project. */
function build(root: string) {
  const { TWELVEPACK_BUILD_HEAP_MB: _heap, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [join(TOOLKIT, 'src', 'cli', 'build.js')], { cwd: root, env: { ...inherited, ...SECRET }, encoding: 'utf8', timeout: 110_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every file under dist/ with its content's digest and its modification time: equal snapshots mean untouched. */
function snapshot(dist: string): Record<string, string> {
  const files: Record<string, string> = { '.': `inode ${statSync(dist).ino}` };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dist, path)] = `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`;
    }
  };
  walk(dist);
  return files;
}

/** What a build left beside dist/. */
const leftovers = (root: string) => readdirSync(root).filter((name) => name.startsWith('.dist-'));

describe('npm run build is atomic: dist/ changes only when the client and server builds both pass', () => {
  let root = '';
  let built: Record<string, string> = {};

  beforeAll(() => {
    root = makeProject(mkdtempSync(join(tmpdir(), 'twelvepack-atomic-build-')), { app: true });
    const first = build(root);
    expect(first).toMatchObject({ status: 0 });
    built = snapshot(join(root, 'dist'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Runs a build with one file changed, and puts the file back. */
  const buildWith = (file: string, change: (text: string) => string) => {
    const path = join(root, file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, change(original));
    try {
      return build(root);
    } finally {
      writeFileSync(path, original);
    }
  };

  it('a first build writes dist/ with the client, the server and the stamp, and leaves nothing beside it', () => {
    expect(Object.keys(built)).toEqual(expect.arrayContaining(['client/asset-manifest.json', 'server/main.js', 'server/kv.js', 'build-stamp.json']));
    expect(leftovers(root)).toEqual([]);
  });

  it('a server build that fails leaves dist/ byte for byte as it was, though the client built', () => {
    // Imported only when called, so the CLI loads the app's manifest; webpack bundles it, and fails.
    writeFileSync(join(root, 'src', 'server', 'broken.ts'), 'export const broken = ;\n');
    const run = buildWith('src/server/routes.ts', (text) => `${text}\nvoid (() => import('./broken'));\n`);
    rmSync(join(root, 'src', 'server', 'broken.ts'));
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('broken.ts');
    expect(run.output).toContain('dist/ is left as it was');
    expect(snapshot(join(root, 'dist'))).toEqual(built);
    expect(leftovers(root)).toEqual([]);
  });

  it('a client build the leak guard stops leaves dist/ byte for byte as it was, though the server built', () => {
    const run = buildWith('src/client/main.ts', (text) => `${text}\nconsole.log(${JSON.stringify(SECRET.FIXTURE_API_TOKEN)});\n`);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('Leak guard');
    expect(run.output).toContain('dist/ is left as it was');
    expect(snapshot(join(root, 'dist'))).toEqual(built);
    expect(leftovers(root)).toEqual([]);
  });

  it('a build that passes replaces dist/ whole: of the previous build, only its hashed files are left, kept in client/.previous', () => {
    const run = buildWith('src/client/main.ts', (text) => `${text}\nconsole.log('a new build');\n`);
    expect(run).toMatchObject({ status: 0 });
    const rebuilt = snapshot(join(root, 'dist'));
    const oldScript = Object.keys(built).find((name) => /^client\/main\.[0-9a-f]{8}\.js$/.test(name));
    const newScript = Object.keys(rebuilt).find((name) => /^client\/main\.[0-9a-f]{8}\.js$/.test(name));
    expect(newScript).toBeDefined();
    expect(newScript).not.toBe(oldScript);
    expect(Object.keys(rebuilt)).not.toContain(oldScript);
    const kept = Object.keys(rebuilt).filter((name) => name.startsWith('client/.previous/'));
    expect(kept).toContainEqual(expect.stringMatching(new RegExp(`^client/\\.previous/[\\w-]+/${oldScript!.slice('client/'.length).replace(/\./g, '\\.')}$`)));
    expect(kept.filter((name) => /index\.html|robots\.txt/.test(name))).toEqual([]);
    expect(rebuilt['.']).not.toBe(built['.']);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('what a build that died left beside dist/', () => {
  const temp = useTempDir('twelvepack-stale-staging-');
  // No process has this id (Linux caps ids far below it).
  const DEAD = 2 ** 30;
  const folder = (name: string, file = 'marker') => {
    mkdirSync(join(temp.path(), name, 'client'), { recursive: true });
    writeFileSync(join(temp.path(), name, 'client', file), name);
  };

  it('is removed when dist/ is there: a half-written build and a previous one never cleared', () => {
    folder('dist');
    folder(`.dist-${DEAD}`);
    folder(`.dist-old-${DEAD + 1}`);
    removeStaleStaging(temp.path());
    expect(readdirSync(temp.path()).sort()).toEqual(['dist']);
    expect(readFileSync(join(temp.path(), 'dist', 'client', 'marker'), 'utf8')).toBe('dist');
  });

  it('puts the previous build back when a crash came between the two renames, and dist/ is gone', () => {
    folder(`.dist-old-${DEAD}`);
    folder(`.dist-${DEAD}`);
    removeStaleStaging(temp.path());
    expect(readdirSync(temp.path()).sort()).toEqual(['dist']);
    expect(readFileSync(join(temp.path(), 'dist', 'client', 'marker'), 'utf8')).toBe(`.dist-old-${DEAD}`);
  });

  it('is left alone while the build that made it still runs', () => {
    folder('dist');
    folder(`.dist-${process.ppid}`);
    removeStaleStaging(temp.path());
    expect(readdirSync(temp.path()).sort()).toEqual([`.dist-${process.ppid}`, 'dist']);
  });
});
