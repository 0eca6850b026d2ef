import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppVariant, BenchTool } from './BenchTool';
import { generateReactViews, viewCount, viewSource } from './generateReactViews';
import { generateApp, moduleSource } from '../../packages/twelvepack/test/support/generateApp';

const ROOT = join(__dirname, '..', '..');

/** One tool's copy of the generated app, and how the bench edits it and sees the edit. */
export interface PeerApp {
  readonly dir: string;
  /** Text the page shows once every module has run. */
  readonly renderedText: string;
  /** Rewrites one module (the plain variant) or one component (the React variant) with a new literal; the text the page then shows. */
  edit(version: number): string;
  /** The React variant's counter an edit must keep: the button to click and the element showing the count. */
  readonly counter?: { readonly button: string; readonly count: string };
}

const rootVersion = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Writes the generated app into `dir` for one tool: the bench's modules (bench/build's generator), the
 * React views over them for the React variant, the tool's own config files, and a package.json whose
 * scripts are the tool's CLI. It resolves react and twelvepack from this project's node_modules.
 */
export function writePeerApp(tool: BenchTool, variant: AppVariant, modules: number, dir: string): PeerApp {
  generateApp(dir, modules);
  const react = variant === 'react';
  const entry = react ? generateReactViews(dir, modules) : 'src/main.ts';
  const dependencies: Record<string, string> = react ? { react: rootVersion('react'), 'react-dom': rootVersion('react-dom') } : {};
  if (tool.name === 'twelvepack') dependencies.twelvepack = '*';
  const pkg = { name: `bench-${tool.name}-${variant}`, private: true, scripts: tool.scripts, dependencies };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  if (react) writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true } }, null, 2)}\n`);
  for (const [file, text] of Object.entries(tool.appFiles(variant, entry))) writeFileSync(join(dir, file), text);
  return react ? reactEdits(dir, modules) : plainEdits(dir, modules);
}

function plainEdits(dir: string, modules: number): PeerApp {
  const last = modules - 1;
  const target = Math.floor(modules / 2);
  return {
    dir,
    renderedText: `widget ${last} (w${last})`,
    edit: (version) => {
      writeFileSync(join(dir, 'src', `module${target}.ts`), moduleSource(target, version));
      return `widget ${target} (w${target}) [a, b] v${version}`;
    },
  };
}

function reactEdits(dir: string, modules: number): PeerApp {
  const views = viewCount(modules);
  const target = Math.floor(views / 2);
  return {
    dir,
    renderedText: `view ${views - 1} edit 0`,
    edit: (version) => {
      writeFileSync(join(dir, 'src', 'views', `View${target}.tsx`), viewSource(target, modules, version));
      return `view ${target} edit ${version}`;
    },
    counter: { button: `#view${target} button`, count: `#view${target} .count` },
  };
}
