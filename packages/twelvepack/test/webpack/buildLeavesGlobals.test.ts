import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');

/**
 * A build runs some module code in its own process (mini-css-extract-plugin executes css-loader's runtime to
 * collect a stylesheet). Transpiled for the browser, that code would require core-js, which would install its
 * polyfills (`Iterator` on Node 20) in the build process: every tool sharing it (jsdom, jest) then sees them.
 */
describe('a production build with a stylesheet', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'twelvepack-build-globals-'));
    writeFileSync(join(work, 'main.ts'), "import './main.css';\ndocument.title = [1, 2].map((n) => n * 2).join();\n");
    writeFileSync(join(work, 'main.css'), '.card { user-select: none; }\n');
    // The packages the build's output imports (core-js, @babel/runtime, css-loader's runtime).
    symlinkSync(join(dirname(require.resolve('webpack/package.json')), '..'), join(work, 'node_modules'), 'dir');
    writeFileSync(join(work, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>\n');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("leaves the build process's globals as they were", async () => {
    const script = [
      "require('@babel/register')({ extensions: ['.ts', '.js'], cwd: process.env.ROOT });",
      "const webpack = require('webpack');",
      "const { createClientWebpackConfigs } = require(process.env.ROOT + '/src/webpack/createClientWebpackConfigs.ts');",
      "const { loadConfig } = require(process.env.ROOT + '/src/config/loadConfig.ts');",
      'const before = Object.getOwnPropertyNames(globalThis);',
      "const loaded = loadConfig({ mode: 'production', dir: process.env.WORK, env: {} });",
      "const configs = createClientWebpackConfigs({ root: process.env.WORK, loaded, outDir: process.env.WORK + '/dist', cache: false, pages: [{ name: 'main', entry: 'main.ts', template: 'index.html' }] });",
      'const compiler = webpack(configs);',
      'compiler.run((error, stats) => compiler.close(() => {',
      "  if (error || stats.hasErrors()) { console.error(error || stats.toString('errors-only')); process.exit(1); }",
      '  process.stdout.write(JSON.stringify(Object.getOwnPropertyNames(globalThis).filter((name) => !before.includes(name))));',
      '}));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: { ...process.env, ROOT, WORK: work },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
