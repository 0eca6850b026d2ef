import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The toolkit's own folder (packages/twelvepack). */
export const TOOLKIT = join(__dirname, '..', '..');
/** The toolkit's fixture app (never the demo): its sources are copied into each project. */
const FIXTURE = join(TOOLKIT, 'test', 'fixtures', 'server-app');
/** The workspace's installed packages (the build tools, and twelvepack itself as a link, with its `twelvepack` bin). */
const NODE_MODULES = join(TOOLKIT, '..', '..', 'node_modules');

/** What a project holds besides its package.json. */
export interface ProjectOptions {
  /** node_modules: the workspace's, linked. */
  readonly tools?: boolean;
  /** The whole fixture app (its sources, webpack.config.ts, babel.config.js), node_modules included. */
  readonly app?: boolean;
  /** The package.json's scripts. */
  readonly scripts?: Readonly<Record<string, string>>;
}

/** A temp project the toolkit's install-time verbs run in: bare, with the tools installed, or the whole fixture app. */
export function makeProject(dir: string, { tools = false, app = false, scripts }: ProjectOptions = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture-app', private: true, ...(scripts === undefined ? {} : { scripts }) }));
  if (tools || app) symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
  if (app) {
    for (const path of ['src', 'public']) cpSync(join(FIXTURE, path), join(dir, path), { recursive: true });
    writeFileSync(
      join(dir, 'webpack.config.ts'),
      "import { createAppWebpackConfig } from 'twelvepack/webpack';\nimport app from './src/app';\nexport default createAppWebpackConfig(app, __dirname);\n",
    );
    writeFileSync(join(dir, 'babel.config.js'), "module.exports = require('twelvepack/babel');\n");
  }
  return dir;
}
