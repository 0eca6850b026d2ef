import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** What `npm install-scripts ls` lists: every installed dependency whose install script package.json has not reviewed. */
function pendingInstallScripts(): string[] {
  const listed = JSON.parse(execFileSync('npm', ['install-scripts', 'ls', '--json'], { cwd: ROOT, encoding: 'utf8' })) as { allowScripts: { name: string }[] };
  return listed.allowScripts.map(({ name }) => name);
}

describe("package.json's allowScripts (npm 12 skips every dependency install script it does not allow)", () => {
  it('reviews every install script in the installed tree', () => {
    expect(pendingInstallScripts()).toEqual([]);
  });

  it("allows better-sqlite3's, which builds the native part the SQLite store opens, and the toolkit's prepare, by name", () => {
    const { allowScripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(allowScripts).toMatchObject({ 'better-sqlite3': true, twelvepack: true });
  });
});
