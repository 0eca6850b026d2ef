import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ToolkitPackage } from './appPackageJson';
import { INIT_TEMPLATES } from './initTemplates';
import { INIT_USAGE, parseInitArgs } from './parseInitArgs';
import { planApp, type PlannedFile } from './planApp';
import { readTemplate } from './readTemplate';
import { toolkitScriptsKey } from './toolkitScriptsKey';

/** The toolkit's folder (the same from src/cli and from a compiled dist/cli). */
const TOOLKIT_DIR = join(__dirname, '..', '..');

/**
 * `twelvepack init DIR [--template vanilla|react]`: writes a new app into DIR
 * (relative to cwd), which must not exist or be empty, and says what it wrote
 * and what to run next. Checks everything before writing anything. Returns the
 * exit status: 0 written, 1 refused, 2 usage.
 *
 * @param args the arguments after the verb
 */
export function runInit(args: readonly string[], cwd: string): number {
  const parsed = parseInitArgs(args);
  if (parsed.action === 'help') {
    const templates = Object.entries(INIT_TEMPLATES).map(([name, { doc }]) => `  ${name.padEnd(8)} ${doc}`);
    process.stdout.write(`usage: ${INIT_USAGE}\nWrites a new app into DIR (a new or empty folder). Templates:\n${templates.join('\n')}\n`);
    return 0;
  }
  if (parsed.action === 'usage-error') {
    process.stderr.write(`twelvepack init: ${parsed.message}.\nusage: ${INIT_USAGE}\n`);
    return 2;
  }

  const target = resolve(cwd, parsed.dir);
  const refusal = refuseTarget(target);
  if (refusal !== undefined) return fail(`${target} ${refusal}; name a new folder, or an empty one.`);
  let files: PlannedFile[];
  try {
    files = planApp({
      template: parsed.template,
      files: readTemplate(join(TOOLKIT_DIR, 'templates'), parsed.template),
      folderName: basename(target),
      toolkitSpec: parsed.toolkit === undefined ? undefined : dependencySpec(parsed.toolkit, cwd, target),
      toolkitScriptsKey: parsed.toolkit === undefined ? undefined : toolkitScriptsKey(parsed.toolkit, cwd, target),
      toolkit: JSON.parse(readFileSync(join(TOOLKIT_DIR, 'package.json'), 'utf8')) as ToolkitPackage,
      nodeVersion: process.version,
    });
  } catch (error) {
    return fail(`cannot make a ${parsed.template} app: ${(error as Error).message}`);
  }

  for (const { path, content } of files) {
    const full = join(target, path);
    try {
      mkdirSync(dirname(full), { recursive: true });
      // 'wx': never overwrite, even a file that appeared since the check.
      writeFileSync(full, content, { flag: 'wx' });
    } catch (error) {
      return fail(`could not write ${full}: ${(error as Error).message}`);
    }
  }

  const next = [...(target === resolve(cwd) ? [] : [`cd ${shellQuote(parsed.dir)}`]), 'npm install', 'npm start'];
  process.stdout.write(
    `twelvepack: wrote a ${parsed.template} app into ${target}:\n${files.map(({ path }) => `  ${path}\n`).join('')}` +
      `Next:\n${next.map((command) => `  ${command}\n`).join('')}` +
      '(npm install also builds it; npm test runs its specs, npm run dev the development server.)\n',
  );
  // A source checkout (this repository) is not a published version: npm install would look for one on the registry.
  if (parsed.toolkit === undefined && existsSync(join(TOOLKIT_DIR, 'src'))) {
    process.stdout.write(
      `Note: this twelvepack runs from a source checkout (${TOOLKIT_DIR}), and the app depends on twelvepack ${version(TOOLKIT_DIR)} ` +
        'from the registry. If that version is not published, make a tarball (`npm pack -w twelvepack` in the checkout) and ' +
        'point the app at it: `twelvepack init DIR --toolkit file:PATH.tgz`, or set dependencies.twelvepack to "file:PATH.tgz".\n',
    );
  }
  return 0;
}

/** The toolkit's version, from its package.json. */
function version(toolkitDir: string): string {
  return (JSON.parse(readFileSync(join(toolkitDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The app's `twelvepack` dependency as --toolkit names it. A `file:` path is
 * taken from the current folder, as typed, and written relative to the app
 * (where npm reads it), never as this machine's absolute path.
 */
function dependencySpec(spec: string, cwd: string, target: string): string {
  if (!spec.startsWith('file:')) return spec;
  const path = relative(target, resolve(cwd, spec.slice('file:'.length))).split(sep).join('/');
  return `file:${path}`;
}

/** Why an app cannot be written into this folder, if it cannot. */
function refuseTarget(target: string): string | undefined {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(target).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return `cannot be read (${(error as Error).message})`;
  }
  if (!isDirectory) return 'exists and is not a folder';
  const entries = readdirSync(target).sort();
  if (entries.length === 0) return undefined;
  const shown = entries.slice(0, 3).join(', ');
  return `is not empty (it holds ${shown}${entries.length > 3 ? `, and ${entries.length - 3} more` : ''}), and twelvepack init never overwrites`;
}

function fail(message: string): number {
  process.stderr.write(`twelvepack init: ${message}\n`);
  return 1;
}

/** The folder as the user typed it, quoted for a POSIX shell when it needs to be. */
function shellQuote(text: string): string {
  return /^[\w./~@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
