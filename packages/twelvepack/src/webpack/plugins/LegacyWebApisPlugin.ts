import { join, relative } from 'node:path';
import type { UnaryExpression } from 'estree';
import type { Compilation, Compiler, javascript, Module } from 'webpack';
import type { MissingWebApi } from '../missingWebApis';

const NAME = 'twelvepack:LegacyWebApisPlugin';

/** Where each module's references are kept: in its buildInfo, which webpack's persistent cache stores with it. */
const KEY = 'twelvepackWebApis';

/** The objects a script reaches globals through: `window.ResizeObserver = ...` installs one. */
const GLOBAL_OBJECTS = ['window', 'self', 'globalThis'];

/** The toolkit's polyfill modules (src/client/polyfills, or the package's dist/client/polyfills). */
const POLYFILLS_DIR = join(__dirname, '..', '..', 'client', 'polyfills');

/** What one module does with the globals the plugin watches. */
interface ModuleWebApis {
  /** Named as free variables (called, constructed, read). */
  used: string[];
  /** Tested with `typeof X`: the module does without it where it is missing. */
  detected: string[];
  /** Assigned to `window.X`, `self.X` or `globalThis.X`: the module installs it (an app's own polyfill). */
  installed: string[];
}

/**
 * The web APIs a bundle's browsers lack ({@link MissingWebApi}, from missingWebApis.ts), for the modules that use
 * them: where the toolkit trusts a polyfill, the modules that name the global get it (webpack's ProvidePlugin: it
 * is bundled only when some module names it); otherwise a module that names the global fails the build, naming
 * the global, the module and the fixes, unless some module of the build installs it (`window.X = ...`). A module
 * that tests for the global (`typeof X`) is trusted to do without it: it gets neither. Free variables only:
 * `window.fetch(...)` is not seen.
 */
export class LegacyWebApisPlugin {
  private readonly polyfilled: readonly MissingWebApi[];
  private readonly unpolyfilled: readonly MissingWebApi[];

  /** @param missing the globals the bundle's browsers lack (missingWebApis(plan.webApiBrowsers)) */
  constructor(missing: readonly MissingWebApi[]) {
    this.polyfilled = missing.filter((api) => api.polyfill !== undefined);
    this.unpolyfilled = missing.filter((api) => api.polyfill === undefined);
  }

  apply(compiler: Compiler): void {
    const provided = Object.fromEntries(this.polyfilled.map((api) => [api.name, [join(POLYFILLS_DIR, api.polyfill!), api.name]]));
    new compiler.webpack.ProvidePlugin(provided).apply(compiler);
    compiler.hooks.compilation.tap(NAME, (compilation, { normalModuleFactory }) => {
      for (const type of ['javascript/auto', 'javascript/dynamic', 'javascript/esm']) {
        normalModuleFactory.hooks.parser.for(type).tap(NAME, (parser) => this.watch(parser as Parser));
      }
      if (this.unpolyfilled.length > 0) compilation.hooks.finishModules.tap(NAME, (modules) => this.check(compilation, modules));
    });
  }

  private watch(parser: Parser): void {
    const unpolyfilled = new Set(this.unpolyfilled.map((api) => api.name));
    // The identifier of each `typeof X`: the parser walks it as an expression right after the typeof hook.
    const tested = new WeakSet<object>();
    for (const { name } of [...this.polyfilled, ...this.unpolyfilled]) {
      parser.hooks.typeof.for(name).tap(NAME, (expression) => {
        tested.add((expression as UnaryExpression).argument);
        record(parser, 'detected', name);
      });
    }
    // A module that tests for a global does without it (React's AbortController): it is left the browser's, and
    // not handed the polyfill. Before ProvidePlugin's own hook, which would hand it over.
    for (const { name } of this.polyfilled) {
      const early = { name: NAME, stage: -10 };
      parser.hooks.expression.for(name).tap(early, () => (recorded(parser, 'detected', name) ? true : undefined));
      parser.hooks.call.for(name).tap(early, (expression) => {
        if (!recorded(parser, 'detected', name)) return undefined;
        // Handled here, so the parser walks no further: the arguments are walked as it would have.
        parser.walkExpressions(expression.arguments);
        return true;
      });
    }
    for (const name of unpolyfilled) {
      parser.hooks.expression.for(name).tap(NAME, (expression: object) => {
        if (!tested.has(expression)) record(parser, 'used', name);
      });
    }
    for (const owner of GLOBAL_OBJECTS) {
      parser.hooks.assignMemberChain.for(owner).tap(NAME, (_expression: unknown, members: string[]) => {
        if (members.length === 1 && unpolyfilled.has(members[0]!)) record(parser, 'installed', members[0]!);
      });
    }
  }

  private check(compilation: Compilation, modules: Iterable<Module>): void {
    const users = new Map<string, string[]>();
    const firstUser = new Map<string, Module>();
    const installed = new Set<string>();
    for (const module of modules) {
      const apis = module.buildInfo?.[KEY] as ModuleWebApis | undefined;
      if (apis === undefined) continue;
      for (const name of apis.installed) installed.add(name);
      for (const name of apis.used) {
        if (apis.detected.includes(name)) continue;
        users.set(name, [...(users.get(name) ?? []), moduleName(compilation, module)]);
        if (!firstUser.has(name)) firstUser.set(name, module);
      }
    }
    for (const api of this.unpolyfilled) {
      const using = users.get(api.name);
      if (using === undefined || installed.has(api.name)) continue;
      const error = new compilation.compiler.webpack.WebpackError(unpolyfilledMessage(api, using.sort()));
      error.name = 'LegacyWebApiError';
      error.module = firstUser.get(api.name)!;
      compilation.errors.push(error);
    }
  }
}

/** webpack's JavaScript parser, whose hooks see every free variable a module names. */
type Parser = javascript.JavascriptParser;

function record(parser: Parser, kind: keyof ModuleWebApis, name: string): void {
  const { buildInfo } = parser.state.module;
  if (buildInfo === undefined) return;
  const apis: ModuleWebApis = (buildInfo[KEY] ??= { used: [], detected: [], installed: [] });
  if (!apis[kind].includes(name)) apis[kind].push(name);
}

function recorded(parser: Parser, kind: keyof ModuleWebApis, name: string): boolean {
  return (parser.state.module.buildInfo?.[KEY] as ModuleWebApis | undefined)?.[kind].includes(name) ?? false;
}

function moduleName(compilation: Compilation, module: Module): string {
  const resource = module.nameForCondition();
  return resource === null ? module.identifier() : relative(compilation.compiler.context, resource).split('\\').join('/');
}

/** The error for a global the toolkit has no polyfill for: what, where, and the three ways out. */
export function unpolyfilledMessage(api: MissingWebApi, modules: readonly string[]): string {
  const shown = modules.length > 5 ? [...modules.slice(0, 5), `and ${modules.length - 5} more`] : modules;
  const browsers = api.lackedBy.length > 4 ? [...api.lackedBy.slice(0, 4), `${api.lackedBy.length - 4} more`] : api.lackedBy;
  const example = api.suggest === undefined ? 'a polyfill you trust' : `one (for example \`npm install ${api.suggest}\`)`;
  return [
    `Legacy web APIs: ${api.name} is used by ${shown.join(', ')}, but some of the legacy bundle's browsers lack it ` +
      `(by MDN's browser-compat-data: ${browsers.join(', ')}) and twelvepack has no polyfill it trusts for it.`,
    '  Fix it one of these ways:',
    `  - install ${example} and put it on the window in a module your entry imports first: ` +
      `\`window.${api.name} = window.${api.name} || Polyfill\` (the build sees that assignment);`,
    `  - or test for it where you use it (\`typeof ${api.name} !== 'undefined'\`) and do without it in those browsers;`,
    '  - or build no legacy bundle, if the app need not run in those browsers: set TWELVEPACK_LEGACY_BUNDLE=false.',
  ].join('\n');
}
