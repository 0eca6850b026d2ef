import type { AnyApp, Method, PageSpec } from './AppManifest';
import { PUBLIC_PREFIX, schema as toolkitSchema, type VarSpec } from './schema';

/** Paths the toolkit answers itself, for every app. */
export const TOOLKIT_PATHS = ['/healthz', '/readyz', '/api/client-errors'] as const;

const METHODS: readonly Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const TYPES: readonly VarSpec['type'][] = ['string', 'integer', 'boolean', 'enum', 'url'];
const EXPOSURES: readonly VarSpec['exposure'][] = ['public', 'server', 'secret'];
const NAME = /^[A-Z][A-Z0-9_]*$/;
const WHERE = 'in src/app.ts';

/**
 * Every problem in an app's declaration, phrased for the person who wrote it
 * (empty when there is none). Pure: the entry points call it once, at load.
 */
export function checkApp(app: AnyApp): string[] {
  const lists = (['variables', 'pages', 'routes'] as const).filter((key) => !Array.isArray(app[key]));
  const missing = lists.map((key) => `${key} ${WHERE} is ${app[key] === undefined ? 'missing' : 'not a list'}: give it a list ([] for none).`);
  const list = <T>(value: readonly T[]): readonly T[] => (Array.isArray(value) ? value : []);
  return [...missing, ...checkVariables(list(app.variables)), ...checkPages(list(app.pages)), ...checkRoutes(list(app.routes)), ...checkWebpackHook(app.webpack)];
}

function checkWebpackHook(hook: unknown): string[] {
  if (hook === undefined || typeof hook === 'function') return [];
  return [`webpack ${WHERE} is ${kindOf(hook)}, not a function: write it as webpack(config, { bundle, mode }) { ...; return config }, or remove it.`];
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function checkVariables(variables: readonly VarSpec[]): string[] {
  const problems: string[] = [];
  const toolkit = new Set<string>(toolkitSchema.map((spec) => spec.name));
  const seen = new Set<string>();
  for (const spec of variables) {
    const name = String(spec.name);
    if (!NAME.test(name)) problems.push(`Variable "${name}" ${WHERE}: names are upper case letters, digits and _, starting with a letter.`);
    if (toolkit.has(name)) problems.push(`Variable ${name} ${WHERE} is already declared by the toolkit; remove it from your variables.`);
    if (seen.has(name)) problems.push(`Variable ${name} is declared twice ${WHERE}; keep one.`);
    seen.add(name);
    if (!TYPES.includes(spec.type)) problems.push(`Variable ${name} ${WHERE} has type "${String(spec.type)}"; use one of ${TYPES.join(', ')}.`);
    if (spec.type === 'enum' && (spec.values ?? []).length === 0) problems.push(`Variable ${name} ${WHERE} is an enum: list its values.`);
    // A misspelt exposure would leave a secret unguarded: refuse it rather than guess.
    if (!EXPOSURES.includes(spec.exposure)) problems.push(`Variable ${name} ${WHERE} has exposure "${String(spec.exposure)}"; use one of ${EXPOSURES.join(', ')}.`);
    const isPublic = spec.exposure === 'public';
    if (isPublic !== name.startsWith(PUBLIC_PREFIX)) {
      problems.push(
        isPublic
          ? `Variable ${name} ${WHERE} is public, so its name must start with ${PUBLIC_PREFIX} (rename it, or make it server or secret).`
          : `Variable ${name} ${WHERE} is named ${PUBLIC_PREFIX}* but is ${String(spec.exposure)}: make it public, or rename it.`,
      );
    }
    if (typeof spec.doc !== 'string' || spec.doc.trim() === '') problems.push(`Variable ${name} ${WHERE} needs a one-line doc (it goes into .env.example).`);
  }
  return problems;
}

function checkPages(pages: readonly PageSpec[]): string[] {
  const problems: string[] = [];
  if (pages.length === 0) problems.push(`Declare at least one page ${WHERE}: { name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }.`);
  const names = new Set<string>();
  const files = new Set<string>();
  pages.forEach((page, i) => {
    const file = pageFilename(page, i);
    if (!/^[\w-]+$/.test(page.name)) problems.push(`Page "${page.name}" ${WHERE}: a page name is letters, digits, _ and -.`);
    if (names.has(page.name)) problems.push(`Two pages are named "${page.name}" ${WHERE}; give each its own name.`);
    if (files.has(file)) problems.push(`Two pages write ${file} ${WHERE}; give one another filename.`);
    if (!file.endsWith('.html')) problems.push(`Page "${page.name}" ${WHERE} writes ${file}; a page's filename ends in .html.`);
    names.add(page.name);
    files.add(file);
  });
  return problems;
}

/** The HTML file a page writes: `index.html` for the first, `<name>.html` for the others, unless it says. */
export function pageFilename(page: PageSpec, index: number): string {
  return page.filename ?? (index === 0 ? 'index.html' : `${page.name}.html`);
}

function checkRoutes(routes: AnyApp['routes']): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const route of routes) {
    const [kind, path] = 'path' in route ? ['path', route.path] : ['prefix', (route as { prefix: string }).prefix];
    const label = `Route ${kind} "${path}" ${WHERE}`;
    if (typeof path !== 'string' || !path.startsWith('/') || /[?#\s]/.test(path) || (kind === 'prefix' && path.endsWith('/'))) {
      problems.push(`${label}: a ${kind} starts with / and holds no query, fragment or space${kind === 'prefix' ? ', nor a trailing /' : ''}.`);
    }
    if ((TOOLKIT_PATHS as readonly string[]).includes(path)) problems.push(`${label} is answered by the toolkit; pick another path.`);
    if (seen.has(`${kind} ${path}`)) problems.push(`${label} is declared twice; merge their methods into one route.`);
    seen.add(`${kind} ${path}`);
    const methods = route.methods ?? [];
    if (methods.length === 0) problems.push(`${label} lists no methods; list the ones it answers, such as ['GET'].`);
    for (const method of methods) if (!METHODS.includes(method)) problems.push(`${label}: "${String(method)}" is not a method; use ${METHODS.join(', ')}.`);
    if (typeof route.handler !== 'function') problems.push(`${label} has no handler: give it one, such as handler: (req, context) => json(200, { ok: true }).`);
  }
  return problems;
}
