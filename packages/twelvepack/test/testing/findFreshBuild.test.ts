import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreshBuild } from '../../src/testing/findFreshBuild';
import fixture from '../fixtures/server-app/src/app';
import { makeProject, TOOLKIT } from '../cli/makeProject';

/** `npm run build` (src/cli/build.js) as a real child process, in the environment given and nothing of the test's. */
function build(root: string, env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, [join(TOOLKIT, 'src', 'cli', 'build.js')], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 110_000 });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
}

/**
 * An app's specs reuse the build `npm install` made only when it is exactly the
 * one buildApp would make: same inputs, and an empty environment.
 */
describe('findFreshBuild: a test run reuses dist/ only when it is what the test build would be', () => {
  let root = '';
  beforeAll(() => {
    root = makeProject(mkdtempSync(join(tmpdir(), 'twelvepack-fresh-build-')), { app: true });
    build(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the app’s folder when its dist/ was built from these inputs in an empty environment', () => {
    expect(findFreshBuild({ root, app: fixture })).toBe(root);
  });

  it('finds nothing once a source has changed since', () => {
    const notes = join(root, 'src', 'client', 'notes.json');
    const original = readFileSync(notes, 'utf8');
    writeFileSync(notes, original.replace('Note 1', 'Note one'));
    try {
      expect(findFreshBuild({ root, app: fixture })).toBeUndefined();
    } finally {
      writeFileSync(notes, original);
    }
    expect(findFreshBuild({ root, app: fixture })).toBe(root);
  });

  it('finds nothing while a .env file is there: the build, or a server started there, would read it', () => {
    writeFileSync(join(root, '.env.production'), 'PUBLIC_APP_NAME=From a file\n');
    try {
      expect(findFreshBuild({ root, app: fixture })).toBeUndefined();
    } finally {
      rmSync(join(root, '.env.production'));
    }
  });

  it('finds nothing when dist/ was built with a declared variable set: the test build would not have it', () => {
    build(root, { PUBLIC_APP_NAME: 'Built with a name' });
    expect(findFreshBuild({ root, app: fixture })).toBeUndefined();
  });
});
