import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from './support/copyProject';

/** Plain JavaScript a team brings along: fine at run time, far from strict TypeScript. */
const LEGACY_JS = `export function total(items) {\n  var sum = 0;\n  for (var i = 0; i < items.length; i++) sum += items[i].price * (items[i].qty || 1);\n  return sum;\n}\n`;

describe("the app's type-check (npm run typecheck)", () => {
  let project: string;
  const tsc = (config: string) => {
    const result = spawnSync(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], { cwd: project, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  beforeAll(() => {
    project = copyProject();
    writeFileSync(join(project, 'src', 'client', 'legacy.js'), LEGACY_JS);
    const main = join(project, 'src', 'client', 'main.ts');
    writeFileSync(main, `import { total } from './legacy';\n${readFileSync(main, 'utf8')}\nvoid total([]);\n`);
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('accepts plain JavaScript the app brings, unchecked, since the app did not opt in', () => {
    expect(tsc('src/client/tsconfig.json')).toEqual({ status: 0, output: '' });
  });

  it('checks it once the app opts in with checkJs', () => {
    const config = join(project, 'src', 'client', 'tsconfig.json');
    const opted = JSON.parse(readFileSync(config, 'utf8')) as { compilerOptions: Record<string, unknown> };
    opted.compilerOptions.checkJs = true;
    writeFileSync(config, JSON.stringify(opted));
    const run = tsc('src/client/tsconfig.json');
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/legacy\.js.*implicitly has an 'any' type/);
  });
});
