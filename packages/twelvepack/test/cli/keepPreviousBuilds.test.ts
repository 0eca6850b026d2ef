// What a deploy keeps of the previous builds (the build verb's step before the
// swap), and what the server then serves, on client builds written as the
// manifest plugin writes them, in a temp folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { keepPreviousBuilds } from '../../src/cli/keepPreviousBuilds';
import { replaceDist } from '../../src/cli/replaceDist';
import { buildIdOf, MANIFEST_FILE, type ManifestEntry } from '../../src/config/AssetManifest';
import { KEPT_DIR, KEPT_INDEX, type KeptBuilds } from '../../src/config/keptBuilds';
import { loadStaticTable } from '../../src/server/static/loadStaticTable';
import { useTempDir } from '../support/useTempDir';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = new Date('2026-12-01T00:00:00.000Z').getTime();

/** Build `n`'s hashed script: a name no other build has. */
const scriptOf = (n: number) => `main.${String(n).padStart(8, '0')}.js`;

/**
 * Writes client build `n`: a page and a public file (unhashed), its hashed script with a br sibling, a hashed
 * image in a subfolder, and `shared.0000beef.js`, a hashed name every build has with its own bytes.
 */
function writeClientBuild(client: string, n: number): string {
  const files: Record<string, ManifestEntry> = {};
  const write = (file: string, body: string, immutable: boolean, br = false) => {
    mkdirSync(dirname(join(client, file)), { recursive: true });
    writeFileSync(join(client, file), body);
    const encodings: Record<string, { file: string; size: number }> = {};
    if (br) {
      const compressed = brotliCompressSync(body);
      writeFileSync(join(client, `${file}.br`), compressed);
      encodings.br = { file: `${file}.br`, size: compressed.length };
    }
    files[file] = { size: Buffer.byteLength(body), hash: createHash('sha256').update(body).digest('base64url'), immutable, encodings };
  };
  write('index.html', `<!doctype html><html><head><script defer src="/${scriptOf(n)}"></script></head><body>build ${n}</body></html>`, false);
  write('robots.txt', `build ${n}\n`, false);
  write(scriptOf(n), `console.log(${n});`, true, true);
  write(`assets/logo.0000000${n}.svg`, `<svg>${n}</svg>`, true);
  write('shared.0000beef.js', `console.log('shared of build ${n}');`, true);
  writeFileSync(join(client, MANIFEST_FILE), JSON.stringify({ version: 1, files }));
  return buildIdOf(readFileSync(join(client, MANIFEST_FILE)));
}

describe('a deploy keeps the previous builds’ hashed files, bounded', () => {
  const temp = useTempDir('twelvepack-kept-builds-');
  const warnings: string[] = [];
  beforeEach(() => {
    warnings.length = 0;
  });
  const client = () => join(temp.path(), 'dist', 'client');
  const index = () => JSON.parse(readFileSync(join(client(), KEPT_DIR, KEPT_INDEX), 'utf8')) as KeptBuilds;

  /** What `npm run build` does once its build passed: build n into staging, keep, swap. Returns build n's id. */
  function deploy(n: number, day: number): string {
    const staging = join(temp.path(), '.dist-next');
    const id = writeClientBuild(join(staging, 'client'), n);
    keepPreviousBuilds({ from: client(), to: join(staging, 'client'), now: new Date(START + day * DAY_MS), warn: (message) => warnings.push(message) });
    replaceDist(temp.path(), staging);
    return id;
  }

  it('keeps the hashed files of the last 3 builds, with their compressed siblings, and prunes the one beyond', () => {
    const ids = [1, 2, 3, 4, 5].map((n) => deploy(n, n));
    expect(index().builds).toEqual([
      { id: ids[3], retiredAt: new Date(START + 5 * DAY_MS).toISOString() },
      { id: ids[2], retiredAt: new Date(START + 4 * DAY_MS).toISOString() },
      { id: ids[1], retiredAt: new Date(START + 3 * DAY_MS).toISOString() },
    ]);
    expect(readdirSync(join(client(), KEPT_DIR)).sort()).toEqual([ids[1], ids[2], ids[3], KEPT_INDEX].sort());
    for (const [n, id] of [[2, ids[1]], [3, ids[2]], [4, ids[3]]] as const) {
      const kept = join(client(), KEPT_DIR, id!);
      expect(readdirSync(kept).sort()).toEqual([MANIFEST_FILE, 'assets', scriptOf(n), `${scriptOf(n)}.br`, 'shared.0000beef.js'].sort());
      expect(readFileSync(join(kept, scriptOf(n)), 'utf8')).toBe(`console.log(${n});`);
    }
    // Build 1, the fourth previous one, is gone whole; and pages and public files are never kept.
    expect(existsSync(join(client(), KEPT_DIR, ids[0]!))).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('prunes a build replaced more than 7 days ago, and keeps the one just replaced however old it is', () => {
    deploy(1, 0);
    const second = deploy(2, 1);
    deploy(3, 9);
    expect(index().builds.map((build) => build.id)).toEqual([second]);
    deploy(4, 30);
    expect(index().builds).toHaveLength(1);
    expect(index().builds[0]!.retiredAt).toBe(new Date(START + 30 * DAY_MS).toISOString());
  });

  it('has the server serve the kept hashed files immutable, and the current build’s page, public files and names', () => {
    const ids = [1, 2, 3].map((n) => deploy(n, n));
    const { table, keptBuilds, buildId } = loadStaticTable({ dir: client(), publicEnv: {} });
    expect(buildId).toBe(ids[2]);
    expect(keptBuilds).toEqual([ids[1], ids[0]]);
    for (const n of [1, 2, 3]) {
      const entry = table.get(`/${scriptOf(n)}`);
      expect(entry?.variants.identity.body.toString()).toBe(`console.log(${n});`);
      expect(entry?.variants.identity.headers['Cache-Control']).toBe('public, max-age=31536000, immutable');
      expect(entry?.encodings).toEqual(expect.arrayContaining(['br', 'identity']));
      expect(table.has(`/assets/logo.0000000${n}.svg`)).toBe(true);
    }
    // A kept file never shadows a current one of the same name; pages and public files are the current build's.
    expect(table.get('/shared.0000beef.js')?.variants.identity.body.toString()).toBe("console.log('shared of build 3');");
    expect(table.get('/index.html')?.variants.identity.body.toString()).toContain(`src="/${scriptOf(3)}"`);
    expect(table.get('/robots.txt')?.variants.identity.body.toString()).toBe('build 3\n');
    expect([...table.keys()].some((path) => path.includes(KEPT_DIR))).toBe(false);
  });

  it('boots without a kept build whose files are gone, saying which, and the next build drops it', () => {
    const ids = [1, 2, 3].map((n) => deploy(n, n));
    rmSync(join(client(), KEPT_DIR, ids[0]!, scriptOf(1)));
    const loaded = loadStaticTable({ dir: client(), publicEnv: {} });
    expect(loaded.keptBuilds).toEqual([ids[1]]);
    expect(loaded.unreadableKeptBuilds).toEqual([expect.stringContaining(ids[0]!)]);
    expect(loaded.table.has(`/${scriptOf(1)}`)).toBe(false);
    expect(loaded.table.has(`/${scriptOf(2)}`)).toBe(true);
    deploy(4, 4);
    expect(index().builds.map((build) => build.id)).toEqual([ids[2], ids[1]]);
    expect(warnings).toEqual([expect.stringContaining(`could not keep the hashed files of the previous build ${ids[0]}`)]);
  });
});
