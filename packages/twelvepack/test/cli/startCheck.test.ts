// `npm start` before any build: npm's prestart runs `twelvepack start-check`, which says what to run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../support/runCommand';

const BIN = join(__dirname, '..', '..', 'src', 'cli', 'twelvepack.js');

describe('npm start before a build', () => {
  let app = '';
  beforeAll(() => {
    app = mkdtempSync(join(tmpdir(), 'twelvepack-start-check-'));
    // The scripts a new app gets, with this toolkit's bin for the one npm would find in node_modules/.bin.
    const scripts = { prestart: `node ${JSON.stringify(BIN)} start-check`, start: 'node dist/server/main.js' };
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'unbuilt', private: true, scripts }));
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('says dist/server/main.js is missing and to run npm run build, exit 1, no stack, and does not start', async () => {
    const result = await runCommand('npm', ['start', '--silent'], { cwd: app, timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(result.output).toContain('dist/server/main.js is missing: run npm run build (npm install builds it), then npm start again.');
    expect(result.output).not.toMatch(/MODULE_NOT_FOUND|\n\s+at /);
  });

  it('lets a built app start', async () => {
    mkdirSync(join(app, 'dist', 'server'), { recursive: true });
    writeFileSync(join(app, 'dist', 'server', 'main.js'), "console.log('server started');\n");
    const result = await runCommand('npm', ['start', '--silent'], { cwd: app, timeoutMs: 30_000 });
    expect(result).toMatchObject({ code: 0, output: expect.stringContaining('server started') });
  });
});
