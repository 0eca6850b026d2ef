import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from '@babel/core';
import { BABEL_CONFIG } from '../../src/webpack/createModuleRules';

// The toolkit's Babel config on its own: what JSX, TSX and TypeScript become in each branch.

const COMPONENT_TSX = 'export const Hello = ({ name }: { name: string }) => <p className="hello">Hello, {name}</p>;\n';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'twelvepack-babel-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** An app folder whose tsconfig.json holds `tsconfig` (none when undefined). */
function app(name: string, tsconfig?: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  if (tsconfig !== undefined) writeFileSync(join(dir, 'tsconfig.json'), tsconfig);
  return dir;
}

/**
 * Compiles code as a file of that name, in the browser branch (ES modules kept, as babel-loader asks) or in the
 * Node branch (to CommonJS, as babel-jest asks).
 */
function compile(code: string, filename: string, caller: { twelvepackTarget?: 'browser'; twelvepackRoot?: string } = {}): string {
  const modules = caller.twelvepackTarget === 'browser' ? { supportsStaticESM: true, supportsDynamicImport: true, supportsTopLevelAwait: true } : {};
  const result = transformSync(code, { filename, configFile: BABEL_CONFIG, babelrc: false, caller: { name: 'twelvepack-spec', ...modules, ...caller } });
  return result?.code ?? '';
}

const PREACT = '{ "compilerOptions": { "jsx": "react-jsx", "jsxImportSource": "preact" } }';

describe('JSX in the browser branch', () => {
  it('compiles a .tsx file with the automatic runtime from react when the app sets no import source', () => {
    const code = compile(COMPONENT_TSX, 'Hello.tsx', { twelvepackTarget: 'browser', twelvepackRoot: app('no-tsconfig') });
    expect(code).toMatch(/import \{ jsxs as _jsxs \} from "react\/jsx-runtime";/);
    expect(code).not.toContain('createElement');
    expect(code).not.toMatch(/<p/);
  });

  it('compiles it from the import source the app tsconfig.json names', () => {
    const code = compile(COMPONENT_TSX, 'Hello.tsx', { twelvepackTarget: 'browser', twelvepackRoot: app('preact', PREACT) });
    expect(code).toContain('from "preact/jsx-runtime"');
    expect(code).not.toMatch(/"react[/"]/);
  });

  it('compiles a .jsx file the same way', () => {
    const code = compile('export const Badge = ({ label }) => <span>{label}</span>;\n', 'Badge.jsx', { twelvepackTarget: 'browser', twelvepackRoot: app('preact', PREACT) });
    expect(code).toMatch(/import \{ jsx as _jsx \} from "preact\/jsx-runtime";/);
  });

  it('keeps `<T>x` in a .ts file a type assertion, not JSX', () => {
    const code = compile('declare const value: unknown;\nexport const text = <string>value;\n', 'cast.ts', { twelvepackTarget: 'browser', twelvepackRoot: app('no-tsconfig') });
    expect(code).toMatch(/export var text = value;/);
    expect(code).not.toContain('jsx');
  });
});

describe('JSX in the Node branch (jest, the server build, @babel/register)', () => {
  it('compiles a .tsx file with the automatic runtime to CommonJS, from the caller root when it names one', () => {
    const code = compile(COMPONENT_TSX, 'Hello.tsx', { twelvepackRoot: app('preact', PREACT) });
    expect(code).toContain('require("preact/jsx-runtime")');
    expect(code).not.toContain('createElement');
  });

  it('keeps `<T>x` in a .ts file a type assertion', () => {
    const code = compile('declare const value: unknown;\nexport const text = <string>value;\n', 'cast.ts');
    expect(code).toMatch(/const text = exports\.text = value;/);
  });

  it('reads the working folder when no caller names a root, and a process that changes folders gets the setting of each', () => {
    const react = app('cwd-react', '{ "compilerOptions": { "jsx": "react-jsx" } }');
    const preact = app('cwd-preact', PREACT);
    // A child process, so the spec's own working folder stays where it is.
    const script = `
      const { transformSync } = require(${JSON.stringify(require.resolve('@babel/core'))});
      const compile = () => transformSync(${JSON.stringify(COMPONENT_TSX)}, { filename: 'Hello.tsx', configFile: ${JSON.stringify(BABEL_CONFIG)}, babelrc: false }).code;
      const sources = [];
      for (const dir of ${JSON.stringify([react, preact, react])}) {
        process.chdir(dir);
        sources.push(/require\\("([^"]+)\\/jsx-runtime"\\)/.exec(compile())[1]);
      }
      process.stdout.write(JSON.stringify(sources));
    `;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(['react', 'preact', 'react']);
  });
});

describe('a malformed tsconfig.json', () => {
  it('fails the compile with the reader error, naming the file', () => {
    const root = app('malformed', '{ "compilerOptions": { "jsxImportSource": "preact" }, }}');
    expect(() => compile(COMPONENT_TSX, 'Hello.tsx', { twelvepackTarget: 'browser', twelvepackRoot: root })).toThrow(`${join(root, 'tsconfig.json')} is not valid JSON at line 1, column 56`);
  });
});

describe('core-js polyfills in the browser branch', () => {
  const browser = (code: string) => compile(code, join(app('polyfills'), 'src', 'main.ts'), { twelvepackTarget: 'browser' });

  it('loads each polyfill a module uses with a require, first in the module, and leaves the module’s own imports as imports', () => {
    const out = browser("import { a } from './a';\nexport const p = Promise.resolve([a].includes(1));\n");
    expect(out).toContain('require("core-js/modules/es.promise.js");');
    expect(out).toContain('require("core-js/modules/es.array.includes.js");');
    // A bare import of a CommonJS module costs an unused default-interop variable in every module that has one.
    expect(out).not.toMatch(/import "core-js/);
    expect(out).toContain("import { a } from './a';");
    expect(out.indexOf('require("core-js')).toBeLessThan(out.indexOf('export var p'));
  });

  it('leaves an app’s own side-effect imports alone', () => {
    expect(browser("import './styles.css';\nimport 'core-js-like-package';\nexport {};\n")).toMatch(/import '\.\/styles\.css';[\s\S]*import 'core-js-like-package';/);
  });
});
