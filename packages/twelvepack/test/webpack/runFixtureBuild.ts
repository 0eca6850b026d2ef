import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import webpack from 'webpack';
import { createWebpackConfig } from '../../src/webpack/createWebpackConfig';
import { loadConfig } from '../../src/config/loadConfig';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

/** The fixture project: a tiny app with a JSON file and an ES2017 dependency. */
export const FIXTURE_APP = join(__dirname, 'fixtures', 'app');


/** How to build the fixture. */
export interface FixtureBuild {
  /** Entry module under fixtures/app/src (default main.ts). */
  readonly entry?: string;
  /**
   * The page's template, relative to fixtures/app (default public/index.html). The page is then written under the
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
}

/** The outcome: error messages, and the files written. */
export interface FixtureOutput {
  readonly errors: readonly string[];
  readonly outDir: string;
  readonly files: readonly string[];
  read(file: string): string;
}

/** A real webpack build of the fixture (production unless told) into a fresh temp folder. */
export async function runFixtureBuild(options: FixtureBuild = {}): Promise<FixtureOutput> {
  const work = mkdtempSync(join(tmpdir(), 'twelvepack-build-'));
  for (const [name, content] of Object.entries(options.envFiles ?? {})) writeFileSync(join(work, name), content);
  const outDir = join(work, 'dist', 'client');
  const mode = options.mode ?? 'production';
  const loaded = loadConfig({ mode, dir: work, env: options.env ?? {}, variables: FIXTURE_VARIABLES });
  const config = createWebpackConfig({
    root: FIXTURE_APP,
    loaded,
    mode,
    outDir,
    pages: [{ name: 'main', entry: join('src', options.entry ?? 'main.ts'), ...templatePage(options.template) }],
    cache: options.cacheDirectory !== undefined,
    cacheDirectory: options.cacheDirectory,
    transpileDependencies: options.transpileDependencies,
  });

  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, result) => {
      compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)));
    });
  });

  const json = stats.toJson({ all: false, errors: true, moduleTrace: false });
  const errors = (json.errors ?? []).map((e) => [e.moduleName, e.loc, e.message].filter(Boolean).join(' '));
  const files = listFiles(outDir);
  return { errors, outDir, files, read: (file) => readFileSync(join(outDir, file), 'utf8') };
}

function templatePage(template: string | undefined): { template: string; filename?: string } {
  return template === undefined ? { template: join('public', 'index.html') } : { template, filename: basename(template) };
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
