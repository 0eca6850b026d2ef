/** The tools the peer sections compare, twelvepack first. */
export type ToolName = 'twelvepack' | 'rsbuild' | 'vite';

/** The generated app as it is (TypeScript modules), or its React variant (components with state, for Fast Refresh). */
export type AppVariant = 'plain' | 'react';

/** The production builds compared: both bundles without a cache, the modern one alone, again with no change, after one edit. */
export type BuildKind = 'cold-pair' | 'cold-modern' | 'warm' | 'one-edit';

/** The dev-server figures compared: a start with no cache, a second start, an edit until the page shows it. */
export type DevKind = 'dev-start-cold' | 'dev-start-warm' | 'dev-edit';

/** A command the bench runs with Node in the app's folder, as the tool's own CLI. */
export interface ToolCommand {
  /** The script Node runs (the tool's bin) and its arguments. */
  readonly args: readonly string[];
  /** Variables besides PATH and HOME. */
  readonly env: Readonly<Record<string, string>>;
}

/** One tool, as the bench drives it: the files that make a folder its app, its commands, where its output goes. */
export interface BenchTool {
  readonly name: ToolName;
  /** A line for the report: the version and how it is configured. */
  readonly describe: string;
  /** The app's npm scripts, for its package.json: what a user of the tool runs. */
  readonly scripts: { readonly build: string; readonly dev: string };
  /** The files, by path relative to the app's folder, that make the generated sources this tool's app. */
  appFiles(variant: AppVariant, entry: string): Record<string, string>;
  /** One production build (`modern: true`: the modern bundle alone). */
  build(modern: boolean): ToolCommand;
  /** The dev server, listening on 127.0.0.1 at this port. */
  dev(port: number): ToolCommand;
  /** What a cold build or start removes first, relative to the app's folder: the caches and the output. */
  readonly coldPaths: readonly string[];
  /** Where the browser files land, relative to the app's folder. */
  readonly outDir: string;
  /** The legacy (ES5) scripts of a pair build, relative to the app's folder. */
  legacyScripts(app: string): string[];
}
