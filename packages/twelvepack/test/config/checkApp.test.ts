import type { AnyApp } from '../../src/config/AppManifest';
import { checkApp, pageFilename } from '../../src/config/checkApp';

const handler = () => ({ status: 204 });

/** A declaration with one of everything, all of it right. */
const valid: AnyApp = {
  variables: [
    { name: 'PUBLIC_APP_NAME', type: 'string', exposure: 'public', doc: 'Shown in the header.' },
    { name: 'LEVEL', type: 'enum', values: ['low', 'high'], default: 'low', exposure: 'server', doc: 'How loud.' },
    { name: 'API_TOKEN', type: 'string', exposure: 'secret', doc: 'Signs requests.' },
  ],
  pages: [
    { name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' },
    { name: 'admin', entry: 'src/client/admin.ts', template: 'public/admin.html' },
  ],
  routes: [
    { path: '/api/greeting', methods: ['GET'], handler },
    { prefix: '/api/admin/kv', methods: ['GET', 'PUT', 'DELETE'], handler },
  ],
};

/** The valid app with one more variable, page list or route: written loosely, since they are meant to be wrong. */
const withVariable = (variable: object) => ({ ...valid, variables: [...valid.variables, variable] });
const withPages = (...pages: object[]) => ({ ...valid, pages });
const withRoute = (route: object) => ({ ...valid, routes: [...valid.routes, route] });

const check = (app: object) => checkApp(app as AnyApp);

describe('checkApp', () => {
  it('finds nothing wrong with a valid app', () => {
    expect(check(valid)).toEqual([]);
    expect(check({ ...valid, webpack: (config: object) => config })).toEqual([]);
  });

  it.each<[string, object, string, string]>([
    ['a variable name not in upper case', withVariable({ name: 'apiKey', type: 'string', exposure: 'server', doc: 'x' }), '"apiKey"', 'names are upper case letters, digits and _'],
    ['a variable the toolkit declares (PORT)', withVariable({ name: 'PORT', type: 'integer', exposure: 'server', doc: 'x' }), 'PORT', 'already declared by the toolkit; remove it'],
    ['a variable declared twice', withVariable({ name: 'LEVEL', type: 'string', exposure: 'server', doc: 'x' }), 'LEVEL', 'declared twice in src/app.ts; keep one'],
    ['a variable of an unknown type', withVariable({ name: 'RETRIES', type: 'number', exposure: 'server', doc: 'x' }), 'RETRIES', 'type "number"; use one of string, integer, boolean, enum, url'],
    ['a misspelt exposure (a secret left unguarded)', withVariable({ name: 'API_SALT', type: 'string', exposure: 'secrte', doc: 'x' }), 'API_SALT', 'exposure "secrte"; use one of public, server, secret'],
    ['an enum without values', withVariable({ name: 'COLOUR', type: 'enum', exposure: 'server', doc: 'x' }), 'COLOUR', 'is an enum: list its values'],
    ['a public variable not named PUBLIC_*', withVariable({ name: 'APP_TITLE', type: 'string', exposure: 'public', doc: 'x' }), 'APP_TITLE', 'must start with PUBLIC_ (rename it, or make it server or secret)'],
    ['a PUBLIC_* variable that is secret', withVariable({ name: 'PUBLIC_KEY', type: 'string', exposure: 'secret', doc: 'x' }), 'PUBLIC_KEY', 'is secret: make it public, or rename it'],
    ['a variable with an empty doc', withVariable({ name: 'RETRIES', type: 'integer', exposure: 'server', doc: '  ' }), 'RETRIES', 'needs a one-line doc'],
    ['no pages', withPages(), 'page', "Declare at least one page in src/app.ts: { name: 'main'"],
    ['a page name with a space', withPages({ name: 'the main', entry: 'a.ts', template: 'a.html' }), '"the main"', 'a page name is letters, digits, _ and -'],
    [
      'two pages with one name',
      withPages({ name: 'main', entry: 'a.ts', template: 'a.html' }, { name: 'main', entry: 'b.ts', template: 'b.html' }),
      '"main"',
      'give each its own name',
    ],
    [
      'two pages writing one file',
      withPages({ name: 'main', entry: 'a.ts', template: 'a.html' }, { name: 'home', entry: 'b.ts', template: 'b.html', filename: 'index.html' }),
      'index.html',
      'give one another filename',
    ],
    ['a page filename not ending in .html', withPages({ name: 'main', entry: 'a.ts', template: 'a.html', filename: 'main.htm' }), 'main.htm', "a page's filename ends in .html"],
    ['a route path without a leading /', withRoute({ path: 'api/items', methods: ['GET'], handler }), 'path "api/items"', 'a path starts with /'],
    ['a route path with a query', withRoute({ path: '/api/items?page=1', methods: ['GET'], handler }), 'path "/api/items?page=1"', 'holds no query, fragment or space'],
    ['a route prefix with a trailing /', withRoute({ prefix: '/api/files/', methods: ['GET'], handler }), 'prefix "/api/files/"', 'nor a trailing /'],
    ['a route on a toolkit path (/healthz)', withRoute({ path: '/healthz', methods: ['GET'], handler }), 'path "/healthz"', 'answered by the toolkit; pick another path'],
    ['a route declared twice', withRoute({ path: '/api/greeting', methods: ['POST'], handler }), 'path "/api/greeting"', 'declared twice; merge their methods into one route'],
    ['a route with no methods', withRoute({ path: '/api/items', methods: [], handler }), 'path "/api/items"', "list the ones it answers, such as ['GET']"],
    ['a route with an unknown method', withRoute({ path: '/api/items', methods: ['GET', 'FETCH'], handler }), 'path "/api/items"', '"FETCH" is not a method; use GET, HEAD, POST'],
    ['a route whose handler is not a function', withRoute({ path: '/api/items', methods: ['GET'], handler: 'items' }), 'path "/api/items"', 'has no handler: give it one, such as handler: (req, context) =>'],
    ['a webpack hook that is not a function', { ...valid, webpack: { module: { rules: [] } } }, 'webpack in src/app.ts is an object, not a function', 'write it as webpack(config, { bundle, mode }) { ...; return config }, or remove it'],
  ])('reports %s, naming it and saying what to do', (_spec, app, names, advice) => {
    const problems = check(app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(names);
    expect(problems[0]).toContain(advice);
    expect(problems[0]).toContain('in src/app.ts');
  });

  it('names a list the declaration leaves out, such as variables in a plain-JavaScript src/app.ts', () => {
    const { variables: _omitted, ...rest } = valid;
    expect(checkApp(rest as unknown as AnyApp)).toEqual(['variables in src/app.ts is missing: give it a list ([] for none).']);
    expect(checkApp({ ...valid, routes: {} } as unknown as AnyApp)).toEqual(['routes in src/app.ts is not a list: give it a list ([] for none).']);
  });

  it('reports every problem at once, variables then pages then routes', () => {
    const app = {
      variables: [{ name: 'apiKey', type: 'string', exposure: 'server', doc: 'x' }],
      pages: [],
      routes: [{ path: '/healthz', methods: ['GET'], handler }],
    };
    expect(check(app)).toEqual([
      expect.stringContaining('"apiKey"'),
      expect.stringContaining('Declare at least one page'),
      expect.stringContaining('"/healthz" in src/app.ts is answered by the toolkit'),
    ]);
  });
});

describe('pageFilename', () => {
  it.each<[string, { name: string; filename?: string }, number, string]>([
    ['the first page', { name: 'main' }, 0, 'index.html'],
    ['a later page', { name: 'admin' }, 1, 'admin.html'],
    ['a later page named like the first', { name: 'main' }, 1, 'main.html'],
    ['the first page with its own filename', { name: 'main', filename: 'home.html' }, 0, 'home.html'],
    ['a later page with its own filename', { name: 'admin', filename: 'console.html' }, 2, 'console.html'],
  ])('writes %s to the right file', (_spec, page, index, expected) => {
    expect(pageFilename({ entry: 'src/client/main.ts', template: 'public/index.html', ...page }, index)).toBe(expected);
  });
});
