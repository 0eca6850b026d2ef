import { COMMON_DEV_DEPENDENCIES, INIT_TEMPLATES, type TemplateName } from './initTemplates';
import { appNodeEngine } from './appNodeEngine';
import { TOOLKIT_INSTALL_SCRIPTS } from './toolkitInstallScripts';

/** The parts of the toolkit's own package.json a new app's versions come from. */
export interface ToolkitPackage {
  readonly name?: string;
  readonly version?: string;
  readonly engines?: { readonly node?: string };
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

/** What the app's package.json is made from. */
export interface AppPackageOptions {
  /** The package name (toPackageName made it valid). */
  readonly name: string;
  readonly template: TemplateName;
  /** The toolkit's own package.json: its version and pins are the app's, and its engines the majors to pick from. */
  readonly toolkit: ToolkitPackage;
  /** The Node running `init` (process.version): the app declares its major when the toolkit is tested on it. */
  readonly nodeVersion: string;
  /** `npm start`: the Procfile's web command, so the two never differ. */
  readonly start: string;
  /** The `twelvepack` dependency instead of the toolkit's exact version (a tarball: `file:...`). */
  readonly toolkitSpec?: string;
  /** How npm names a `file:` toolkit in allowScripts (toolkitScriptsKey): its `prepare` is then reviewed too. */
  readonly toolkitScriptsKey?: string;
}

/** An exact version, such as `19.3.1` or `1.0.0-rc.2` (no range: a new app installs what the toolkit was tested with). */
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The new app's package.json: private, its scripts calling the toolkit's CLI,
 * twelvepack at the toolkit's own version and every other package at the
 * version the toolkit pins (one source of truth). Throws, naming the package,
 * when the toolkit pins none exactly. Pure.
 */
export function appPackageJson({ name, template, toolkit, nodeVersion, start, toolkitSpec, toolkitScriptsKey }: AppPackageOptions): string {
  const { dependencies, devDependencies } = INIT_TEMPLATES[template];
  const engines = toolkit.engines?.node;
  if (engines === undefined) throw new Error("twelvepack's package.json has no engines.node, which a new app copies.");
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    engines: { node: appNodeEngine(engines, nodeVersion) },
    scripts: {
      postinstall: 'twelvepack postinstall',
      // Both Heroku buildpacks run a hook after npm install instead of `build` (the classic heroku-postbuild, the Cloud
      // Native one heroku-build): the install step again, which skips on a fresh dist/ (test/cli/buildpacks.test.ts).
      'heroku-build': 'twelvepack postinstall',
      'heroku-postbuild': 'twelvepack postinstall',
      build: 'twelvepack build',
      // `npm start` before any build says to build (the Procfile runs the server directly, without it).
      prestart: 'twelvepack start-check',
      start,
      dev: 'twelvepack dev',
      'env:example': 'twelvepack env:example',
      test: 'jest',
      typecheck: 'tsc -p tsconfig.json && tsc -p src/client/tsconfig.json',
    },
    dependencies: pins(toolkit, dependencies, { twelvepack: toolkitSpec ?? exact('twelvepack', toolkit.version) }),
    devDependencies: pins(toolkit, [...COMMON_DEV_DEPENDENCIES, ...devDependencies]),
    allowScripts: allowScripts(toolkitSpec, toolkitScriptsKey),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * The app's install-script policy: the toolkit's, plus twelvepack's own `prepare` when it comes from a file: a
 * folder's compiles it (allowed); a tarball's is already compiled, holds no sources and npm never runs it (denied,
 * so npm lists nothing to review). From the registry npm never runs it, and lists nothing.
 */
function allowScripts(toolkitSpec: string | undefined, key: string | undefined): Record<string, boolean> {
  const own = key === undefined ? {} : { [key]: !/\.(tgz|tar\.gz)$/.test(toolkitSpec ?? '') };
  const entries = { ...TOOLKIT_INSTALL_SCRIPTS, ...own };
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
}

/** Each package at the toolkit's pinned version, sorted as npm sorts them. */
function pins(toolkit: ToolkitPackage, names: readonly string[], extra: Record<string, string> = {}): Record<string, string> {
  const pinned: Record<string, string> = { ...extra };
  for (const name of names) pinned[name] = exact(name, toolkit.dependencies?.[name] ?? toolkit.devDependencies?.[name]);
  return Object.fromEntries(Object.entries(pinned).sort(([a], [b]) => a.localeCompare(b)));
}

function exact(name: string, version: string | undefined): string {
  if (version === undefined || !EXACT_VERSION.test(version)) {
    throw new Error(
      `twelvepack's package.json pins no exact version of ${name} (${version === undefined ? 'none' : `got "${version}"`}): ` +
        'a new app takes every version from it, so add it there (dependencies or devDependencies) with an exact version.',
    );
  }
  return version;
}
