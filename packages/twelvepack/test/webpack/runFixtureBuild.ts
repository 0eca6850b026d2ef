import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import webpack from 'webpack';
import type { WebpackHook } from '../../src/config/AppManifest';
import { createClientWebpackConfigs } from '../../src/webpack/createClientWebpackConfigs';
import { createServerWebpackConfig } from '../../src/webpack/createServerWebpackConfig';
import { createWebpackConfig } from '../../src/webpack/createWebpackConfig';
import { loadConfig } from '../../src/config/loadConfig';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

/** The fixture project: a tiny app with a JSON file and an ES2017 dependency. */
export const FIXTURE_APP = join(__dirname, 'fixtures', 'app');

/** How to build the fixture. */
export interface FixtureBuild {
  /** Entry module under fixtures/app/src (default main.ts), or `./<path>` of one of `files`. */
  readonly entry?: string;
  /**
   * Files planted in the build's temp folder before it runs, by path (`src/leaks.ts`, `public/notes.txt`). When
   * any is under `public/`, that folder is the build's public folder instead of the fixture's.
   */
  readonly files?: Readonly<Record<string, string | Buffer>>;
  /**
   * The page's template, relative to fixtures/app (default public/index.html), or `./<path>` of one of `files`. The page is then written under the
   * template's own name, since public/index.html is copied as a file and would clash with an index.html page.
   */
  readonly template?: string;
  /** production (default) or development, for both the config and the build. */
  readonly mode?: 'production' | 'development';
  /** The environment the build sees (nothing else from the real one leaks in). */
  readonly env?: Readonly<Record<string, string>>;
  /** `.env` files to write beside the build, by name. */
  readonly envFiles?: Readonly<Record<string, string>>;
  /** Passed through to createWebpackConfig. */
  readonly transpileDependencies?: boolean;
  /** Use webpack's and babel-loader's disk caches in this folder (no cache by default). */
  readonly cacheDirectory?: string;
  /**
   * `legacy` (default) or `modern`: that bundle alone (createWebpackConfig); `app`: the browser builds an app
   * gets (createClientWebpackConfigs: both bundles, unless the env turns the legacy one off).
   */
  readonly bundle?: 'legacy' | 'modern' | 'app';
  /** The app's own webpack hook, as src/app.ts declares it. */
  readonly appHook?: WebpackHook;
}

/** The outcome: error and warning messages, what a terminal would show, and the files written. */
export interface FixtureOutput {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** Everything webpack-cli would print or write: stats as text and as JSON, errors and warnings with details and stacks. */
  readonly printed: string;
  readonly outDir: string;
  readonly files: readonly string[];
  read(file: string): string;
}

/** A real webpack build of the fixture (production unless told) into a fresh temp folder. */
export async function runFixtureBuild(options: FixtureBuild = {}): Promise<FixtureOutput> {
  const work = mkdtempSync(join(tmpdir(), 'twelvepack-build-'));
  for (const [name, content] of Object.entries(options.envFiles ?? {})) writeFileSync(join(work, name), content);
  const planted = plant(work, options.files ?? {});
  const outDir = join(work, 'dist', 'client');
  const mode = options.mode ?? 'production';
  const loaded = loadConfig({ mode, dir: work, env: options.env ?? {}, variables: FIXTURE_VARIABLES });
  const buildOptions = {
    root: FIXTURE_APP,
    loaded,
    mode,
    outDir,
    pages: [{ name: 'main', entry: entryOf(work, options.entry), ...templatePage(work, options.template) }],
    ...(planted.publicDir ? { publicDir: relative(FIXTURE_APP, join(work, 'public')) } : {}),
    cache: options.cacheDirectory !== undefined,
    cacheDirectory: options.cacheDirectory,
    transpileDependencies: options.transpileDependencies,
    appHook: options.appHook,
  };
  const { bundle = 'legacy' } = options;
  const configs = bundle === 'app' ? createClientWebpackConfigs(buildOptions) : [createWebpackConfig({ ...buildOptions, bundle })];
  return outcomeOf(await run(configs), outDir);
}

/** How to build a server bundle: the toolkit's server with a manifest planted for the spec. */
export interface ServerFixtureBuild {
  /** Files planted in the build's temp folder; `src/app.ts` among them is the app's manifest. */
  readonly files: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly envFiles?: Readonly<Record<string, string>>;
  /** The app's own webpack hook, as src/app.ts declares it. */
  readonly appHook?: WebpackHook;
}

/** A real production server build (dist/server: main.js, kv.js and their maps) into a fresh temp folder. */
export async function runServerFixtureBuild(options: ServerFixtureBuild): Promise<FixtureOutput> {
  const work = mkdtempSync(join(tmpdir(), 'twelvepack-server-build-'));
  for (const [name, content] of Object.entries(options.envFiles ?? {})) writeFileSync(join(work, name), content);
  plant(work, options.files);
  const outDir = join(work, 'dist', 'server');
  const loaded = loadConfig({ mode: 'production', dir: work, env: options.env ?? {} });
  return outcomeOf(await run([createServerWebpackConfig({ root: work, loaded, outDir, manifest: join(work, 'src', 'app.ts'), cache: false, appHook: options.appHook })]), outDir);
}

/** One configuration alone (its stats print as webpack-cli prints one), or several at once. */
function run(configs: webpack.Configuration[]): Promise<webpack.Stats | webpack.MultiStats> {
  return new Promise<webpack.Stats | webpack.MultiStats>((resolve, reject) => {
    const compiler: webpack.Compiler | webpack.MultiCompiler = configs.length === 1 ? webpack(configs[0]!) : webpack(configs);
    compiler.run((error, result) => {
      compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)));
    });
  });
}

function outcomeOf(stats: webpack.Stats | webpack.MultiStats, outDir: string): FixtureOutput {
  const json = stats.toJson({ all: false, errors: true, warnings: true, moduleTrace: false });
  const messages = (list: typeof json.errors) => (list ?? []).map((e) => [e.moduleName, e.loc, e.message].filter(Boolean).join(' '));
  const everything = { all: false, errors: true, warnings: true, errorDetails: true, errorStack: true, children: true, moduleTrace: true } as const;
  // Babel colours its code frames where colour is supported (CI=true counts): the text without the escape codes, which
  // would only split what the specs look for (a value split by them would be joined again, so hunted for whole).
  const printed = withoutColour(`${stats.toString({ ...everything, colors: false })}\n${JSON.stringify(stats.toJson(everything))}`);
  const files = listFiles(outDir);
  return { errors: messages(json.errors), warnings: messages(json.warnings), printed, outDir, files, read: (file) => readFileSync(join(outDir, file), 'utf8') };
}

/** Writes the planted files; a node_modules link lets planted code import what Babel adds (core-js, @babel/runtime). */
function plant(work: string, files: Readonly<Record<string, string | Buffer>>): { publicDir: boolean } {
  if (Object.keys(files).length === 0) return { publicDir: false };
  symlinkSync(join(dirname(require.resolve('webpack/package.json')), '..'), join(work, 'node_modules'), 'dir');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), content);
  }
  return { publicDir: Object.keys(files).some((path) => path.startsWith('public/')) };
}

/** The entry, relative to the fixture app as createWebpackConfig takes it. */
function entryOf(work: string, entry = 'main.ts'): string {
  return entry.startsWith('./') ? relative(FIXTURE_APP, join(work, entry)) : join('src', entry);
}

function templatePage(work: string, template: string | undefined): { template: string; filename?: string } {
  if (template === undefined) return { template: join('public', 'index.html') };
  return { template: template.startsWith('./') ? relative(FIXTURE_APP, join(work, template)) : template, filename: basename(template) };
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

/** Text without ANSI colour codes, raw or JSON-escaped. */
function withoutColour(text: string): string {
  return text.replace(/(\u001b|\\u001b)\[[0-9;]*m/g, '');
}
