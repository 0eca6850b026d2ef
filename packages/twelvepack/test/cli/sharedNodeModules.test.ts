import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeProject, TOOLKIT } from './makeProject';

/** `npm run build` (src/cli/build.js) as a real child process in the project. */
function build(root: string): void {
  const result = spawnSync(process.execPath, [join(TOOLKIT, 'src', 'cli', 'build.js')], { cwd: root, encoding: 'utf8', timeout: 110_000 });
  if (result.status !== 0) throw new Error(`the build of ${root} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Two apps whose node_modules is one folder (as a workspace hoists it), so
 * their webpack disk caches are one folder too: each app's build must still
 * bundle its own routes. It did not: the second app's server bundle held the
 * first app's routes, restored from the shared cache.
 */
describe('two apps sharing a node_modules (and its .cache) build each their own app', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const app = (marker: string) => {
    const root = makeProject(mkdtempSync(join(tmpdir(), 'twelvepack-shared-cache-')), { app: true });
    dirs.push(root);
    const routes = join(root, 'src', 'server', 'routes.ts');
    writeFileSync(routes, `${readFileSync(routes, 'utf8')}\nexport const marker = ${JSON.stringify(marker)};\nconsole.log(marker);\n`);
    const client = join(root, 'src', 'client', 'main.ts');
    writeFileSync(client, `${readFileSync(client, 'utf8')}\nconsole.log(${JSON.stringify(marker)});\n`);
    return root;
  };
  const bundled = (root: string, part: 'server/main.js' | 'client/asset-manifest.json') => {
    if (part === 'server/main.js') return readFileSync(join(root, 'dist', 'server', 'main.js'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(root, 'dist', 'client', 'asset-manifest.json'), 'utf8')) as { files: Record<string, unknown> };
    return Object.keys(manifest.files)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(root, 'dist', 'client', file), 'utf8'))
      .join('\n');
  };

  it('the second app’s server and client bundles hold its own code, not the first app’s', () => {
    const first = app('first-app-marker-7d1c');
    const second = app('second-app-marker-52ab');
    build(first);
    build(second);
    for (const part of ['server/main.js', 'client/asset-manifest.json'] as const) {
      expect(bundled(first, part)).toContain('first-app-marker-7d1c');
      expect(bundled(second, part)).toContain('second-app-marker-52ab');
      expect(bundled(second, part)).not.toContain('first-app-marker-7d1c');
    }
  });
});
