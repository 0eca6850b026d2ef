import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpack from 'webpack';
import { loadConfig } from '../../src/config/loadConfig';
import { createWebpackConfig } from '../../src/webpack/createWebpackConfig';
import { findSyntaxProblem } from '../../src/webpack/plugins/EsVersionGuardPlugin';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

// Real production builds of a TSX app: a component tree with state and an effect, a .jsx module among them.
// The copies sit inside the project so their imports resolve react, preact and @babel/runtime.

const FIXTURE = join(__dirname, 'fixtures', 'jsx-app');
const WORK = join(__dirname, '..', '..', '.cache', 'test-build');

/** What a build left: its errors, its files, and what Babel made of each module. */
interface JsxBuild {
  readonly errors: readonly string[];
  readonly scripts: readonly string[];
  read(file: string): string;
  /** The module's code as babel-loader returned it (before webpack's own work), by its path under the app. */
  compiled(path: string): string;
  /** Every module the emitted scripts hold, by webpack's name for it (its path relative to the app). */
  bundled(): string[];
}

async function build(root: string, entry: string, cacheDirectory?: string): Promise<JsxBuild> {
  const outDir = join(root, 'dist');
  const loaded = loadConfig({ mode: 'production', dir: root, env: {}, variables: FIXTURE_VARIABLES });
  const config = createWebpackConfig({
    root,
    loaded,
    outDir,
    pages: [{ name: 'main', entry, template: 'public/index.html' }],
    cache: cacheDirectory !== undefined,
    cacheDirectory: cacheDirectory ?? join(root, 'cache'),
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, result) => compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result))));
  });
  // Every module, those restored from the cache included, ungrouped and unfiltered.
  const json = stats.toJson({
    all: false,
    errors: true,
    modules: true,
    nestedModules: true,
    cachedModules: true,
    groupModulesByCacheStatus: false,
    modulesSpace: Infinity,
    nestedModulesSpace: Infinity,
    // Each module's chunks, to keep those the scripts hold.
    ids: true,
    source: true,
  });
  const sources = new Map<string, string>();
  // Modules in a chunk, and those concatenated into one of them.
  const collect = (modules: readonly webpack.StatsModule[] | undefined) => {
    for (const module of modules ?? []) {
      if (module.name !== undefined && typeof module.source === 'string') sources.set(module.name, module.source);
      collect(module.modules);
    }
  };
  collect(json.modules?.filter((module) => (module.chunks ?? []).length > 0));
  const read = (file: string) => readFileSync(join(outDir, file), 'utf8');
  const scripts = listFiles(outDir).filter((file) => file.endsWith('.js'));
  return {
    errors: (json.errors ?? []).map((e) => [e.moduleName, e.message].filter(Boolean).join(' ')),
    scripts,
    read,
    compiled: (path) => sources.get(`./${path}`) ?? `(no module ./${path} in ${[...sources.keys()].join(', ')})`,
    bundled: () => [...sources.keys()],
  };
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** A fresh copy of the fixture app, with `jsxImportSource` set in its tsconfig.json when given (the only change). */
function copyFixture(jsxImportSource?: string): string {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(join(WORK, 'jsx-'));
  cpSync(FIXTURE, root, { recursive: true });
  if (jsxImportSource !== undefined) setImportSource(root, jsxImportSource);
  return root;
}

function setImportSource(root: string, jsxImportSource: string): void {
  const file = join(root, 'tsconfig.json');
  const before = readFileSync(file, 'utf8');
  const after = before.replace('"jsx": "react-jsx",', `"jsx": "react-jsx",\n    "jsxImportSource": ${JSON.stringify(jsxImportSource)},`);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

const REACT_JSX_RUNTIME = /node_modules\/react\/cjs\/react-jsx-runtime\.production\.js$/;
const PREACT_JSX_RUNTIME = /node_modules\/preact\/jsx-runtime\/dist\/jsxRuntime\.mjs$/;
const ANY_REACT = /node_modules\/react(-dom)?\//;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('a TSX app on React (its tsconfig.json names no jsxImportSource)', () => {
  let output: JsxBuild;
  beforeAll(async () => {
    const root = copyFixture();
    roots.push(root);
    output = await build(root, 'src/main.tsx');
  });

  it('builds, the ES5 proof included, and every script it emits parses as ES5', () => {
    expect(output.errors).toEqual([]);
    expect(output.scripts.length).toBeGreaterThanOrEqual(2);
    for (const file of output.scripts) expect({ file, problem: findSyntaxProblem(output.read(file)) }).toEqual({ file, problem: undefined });
  });

  it('compiles TSX to calls of react/jsx-runtime, never to React.createElement', () => {
    for (const path of ['src/App.tsx', 'src/Greeting.tsx', 'src/main.tsx']) {
      const code = output.compiled(path);
      expect({ path, runtime: code.includes('from "react/jsx-runtime"') }).toEqual({ path, runtime: true });
      expect({ path, createElement: code.includes('createElement') }).toEqual({ path, createElement: false });
    }
  });

  it('compiles a .jsx module the same way', () => {
    expect(output.compiled('src/Badge.jsx')).toContain('from "react/jsx-runtime"');
    expect(output.scripts.some((file) => output.read(file).includes('jsx-fixture-marker-5c1e'))).toBe(true);
  });

  it("ships React's automatic runtime and React DOM in the bundle", () => {
    const bundled = output.bundled();
    expect(bundled.filter((source) => REACT_JSX_RUNTIME.test(source))).toHaveLength(1);
    expect(bundled.some((source) => /node_modules\/react-dom\/cjs\/react-dom-client\.production\.js$/.test(source))).toBe(true);
  });
});

describe('the same app with "jsxImportSource": "preact" in its tsconfig.json', () => {
  let output: JsxBuild;
  beforeAll(async () => {
    const root = copyFixture('preact');
    roots.push(root);
    // Its Preact entry: the same components, rendered with Preact's render and hooks.
    output = await build(root, 'src/preactMain.tsx');
  });

  it('builds, the ES5 proof included, and every script it emits parses as ES5', () => {
    expect(output.errors).toEqual([]);
    for (const file of output.scripts) expect({ file, problem: findSyntaxProblem(output.read(file)) }).toEqual({ file, problem: undefined });
  });

  it('compiles the TSX and JSX modules to calls of preact/jsx-runtime', () => {
    for (const path of ['src/preactMain.tsx', 'src/Greeting.tsx', 'src/Badge.jsx']) {
      expect({ path, runtime: output.compiled(path).includes('from "preact/jsx-runtime"') }).toEqual({ path, runtime: true });
    }
  });

  it("ships Preact's runtime and nothing of React", () => {
    const bundled = output.bundled();
    expect(bundled.filter((source) => PREACT_JSX_RUNTIME.test(source))).toHaveLength(1);
    expect(bundled.filter((source) => ANY_REACT.test(source))).toEqual([]);
  });
});

describe('a filled build cache', () => {
  it('recompiles the JSX when jsxImportSource changes in tsconfig.json', async () => {
    const root = copyFixture();
    roots.push(root);
    const cacheDirectory = join(root, 'build-cache');

    const first = await build(root, 'src/main.tsx', cacheDirectory);
    expect(first.errors).toEqual([]);
    expect(first.compiled('src/Greeting.tsx')).toContain('from "react/jsx-runtime"');

    setImportSource(root, 'preact');
    const second = await build(root, 'src/main.tsx', cacheDirectory);
    expect(second.errors).toEqual([]);
    expect(second.compiled('src/Greeting.tsx')).toContain('from "preact/jsx-runtime"');
    expect(second.bundled().filter((source) => PREACT_JSX_RUNTIME.test(source))).toHaveLength(1);
  });
});
