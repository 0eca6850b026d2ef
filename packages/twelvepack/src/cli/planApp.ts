import { appPackageJson, type ToolkitPackage } from './appPackageJson';
import type { TemplateName } from './initTemplates';
import { toPackageName } from './toPackageName';

/** A file of the new app: its path (with `/`, relative to the app's folder) and its content. */
export interface PlannedFile {
  readonly path: string;
  readonly content: string | Buffer;
}

/** What a new app is made from. */
export interface PlanOptions {
  readonly template: TemplateName;
  /** The template's files as stored, by path with `/` (readTemplate). */
  readonly files: ReadonlyMap<string, Buffer>;
  /** The new app's folder name; its package name is made from it. */
  readonly folderName: string;
  /** The toolkit's own package.json. */
  readonly toolkit: ToolkitPackage;
  /** The Node running `init` (process.version), whose major the app declares when the toolkit is tested on it. */
  readonly nodeVersion: string;
  /** The app's `twelvepack` dependency, when not the toolkit's own version (`--toolkit`). */
  readonly toolkitSpec?: string;
  /** How npm names that dependency in allowScripts, when it is a `file:` one (toolkitScriptsKey). */
  readonly toolkitScriptsKey?: string;
}

/**
 * Files stored without their dot, renamed on write: `npm pack` leaves out every
 * `.npmrc`, and takes a `.gitignore` as the rules of what to leave out.
 */
const STORED_WITHOUT_DOT = new Set(['gitignore', 'npmrc']);

/**
 * Every file of a new app, sorted by path: the template's files (dotfiles
 * renamed) and the package.json made by code. Throws when the template is not
 * one an app can be made from (it holds a package.json, or its Procfile has no
 * `web:` line). Pure.
 */
export function planApp({ template, files, folderName, toolkit, nodeVersion, toolkitSpec, toolkitScriptsKey }: PlanOptions): PlannedFile[] {
  // A package.json in the toolkit's tree would be a package to npm and to jest's module map.
  if (files.has('package.json')) throw new Error(`the ${template} template holds a package.json; the app's is made by code (appPackageJson.ts): remove it.`);
  const start = webCommand(files.get('Procfile'));
  if (start === undefined) throw new Error(`the ${template} template's Procfile has no "web:" line, which is also the app's npm start.`);

  const planned: PlannedFile[] = [...files].map(([path, content]) => ({ path: withDot(path), content }));
  planned.push({ path: 'package.json', content: appPackageJson({ name: toPackageName(folderName), template, toolkit, nodeVersion, start, toolkitSpec, toolkitScriptsKey }) });
  return planned.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function withDot(path: string): string {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  return STORED_WITHOUT_DOT.has(name) ? `${path.slice(0, slash + 1)}.${name}` : path;
}

/** The command of a Procfile's `web:` line. */
function webCommand(procfile: Buffer | undefined): string | undefined {
  return procfile === undefined ? undefined : /^web:[ \t]*(\S.*?)[ \t]*$/m.exec(procfile.toString('utf8'))?.[1];
}
