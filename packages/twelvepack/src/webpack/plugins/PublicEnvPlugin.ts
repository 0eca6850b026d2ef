import Dotenv from 'dotenv-webpack';
import type { Expression } from 'estree';
import type { Compiler, javascript } from 'webpack';
import { writePublicEnvFile } from './writePublicEnvFile';

const NAME = 'twelvepack:PublicEnvPlugin';

type Parser = javascript.JavascriptParser;

/** The global the browser runtime (twelvepack/client) reads the build's public values from. */
export const BUILD_ENV_GLOBAL = '__TWELVEPACK_BUILD_ENV__';

/** Options for {@link PublicEnvPlugin}. */
export interface PublicEnvPluginOptions {
  /** The values to inline, by name. */
  readonly publicEnv: Readonly<Record<string, string>>;
  /** The names that may be inlined (the public names of the toolkit's and the app's variables). */
  readonly allowed: readonly string[];
  /** The folder (a build cache) where the public subset is written as dotenv-webpack's own `.env` file. */
  readonly envDir: string;
}

/**
 * dotenv-webpack, handed only an allowlist we own.
 *
 * dotenv-webpack inlines every key of the `.env` file it reads (and with
 * `systemvars` the whole environment). This plugin gives it, through its
 * documented `path` option, a file it writes itself holding exactly the public
 * values, with `systemvars` and `expand` off (`${}` expansion already happened
 * in config/, where a public value may not refer to a private one). It refuses
 * any name outside the allowlist, and hands the same values, as one object, to
 * the browser runtime (DefinePlugin, as webpack's EnvironmentPlugin composes it).
 *
 * It also makes a non-public `process.env.X` in application code a build error
 * that names the module and the variable, instead of webpack 5's silent
 * `undefined` (or a ReferenceError in the browser), and so Vite's `import.meta.env`.
 */
export class PublicEnvPlugin {
  private readonly publicEnv: Readonly<Record<string, string>>;
  private readonly envDir: string;

  constructor({ publicEnv, allowed, envDir }: PublicEnvPluginOptions) {
    const refused = Object.keys(publicEnv).filter((name) => !allowed.includes(name));
    if (refused.length > 0) {
      throw new Error(
        `PublicEnvPlugin refuses to inline ${refused.length} variable(s) that are not on the public allowlist: ` +
          `${refused.slice(0, 10).join(', ')}${refused.length > 10 ? ', ...' : ''}. Never pass the whole environment; ` +
          'pass pickPublicEnv(config) from config/, and declare new public variables in src/app.ts.',
      );
    }
    this.publicEnv = Object.freeze({ ...publicEnv });
    this.envDir = envDir;
  }

  apply(compiler: Compiler): void {
    const envFile = writePublicEnvFile(this.envDir, this.publicEnv);
    new Dotenv({ path: envFile, systemvars: false, expand: false, ignoreStub: true, silent: true }).apply(compiler);
    new compiler.webpack.DefinePlugin({ [BUILD_ENV_GLOBAL]: JSON.stringify(this.publicEnv) }).apply(compiler);
    const { WebpackError } = compiler.webpack;
    const publicNames = Object.keys(this.publicEnv);

    const fail = (parser: Parser, expression: Expression, message: string) => {
      const error = new WebpackError(message);
      error.name = 'PublicEnvError';
      error.module = parser.state.module;
      error.loc = expression.loc ?? undefined;
      parser.state.module.addError(error);
    };

    const isDependency = (parser: Parser) => /[\\/]node_modules[\\/]/.test(parser.state.module.resource ?? '');

    const hookInto = (parser: Parser) => {
      parser.hooks.expressionMemberChain.for('process').tap(NAME, (expression, members) => {
        const [env, name] = members;
        if (env !== 'env' || name === undefined || publicNames.includes(name) || isDependency(parser)) return undefined;
        fail(
          parser,
          expression,
          `process.env.${name} is not a public variable, so browser code cannot read it. ` +
            `Only variables declared public (named PUBLIC_*, in src/app.ts) reach the browser. ` +
            `Read ${name} on the server instead, or, if its value is safe to publish, declare it public.`,
        );
        return true;
      });

      const wholeEnv = (expression: Expression) => {
        if (isDependency(parser)) {
          // Libraries probe `process.env` defensively (`process.env.DEBUG`); give them an empty object, never the environment.
          const stub = new compiler.webpack.dependencies.ConstDependency('({})', expression.range!, null);
          parser.state.module.addPresentationalDependency(stub);
          return true;
        }
        fail(
          parser,
          expression,
          'process.env is used as a whole; twelvepack never exposes the whole environment to the browser. ' +
            "Name each public variable (process.env.PUBLIC_...), or import { publicConfig } from 'twelvepack/client'.",
        );
        return true;
      };
      // Vite's import.meta.env is not defined here: webpack would compile it to undefined, without a word.
      const viteEnv = (expression: Expression) => {
        if (isDependency(parser)) return undefined;
        fail(
          parser,
          expression,
          "import.meta.env is Vite's; twelvepack does not define it, so it would be undefined in the browser. " +
            "Read public variables with import { publicConfig } from 'twelvepack/client' (or process.env.PUBLIC_...), and the mode with process.env.NODE_ENV.",
        );
        // The build has failed; `undefined` in its place keeps the minifier from reporting the same line again.
        parser.state.module.addPresentationalDependency(new compiler.webpack.dependencies.ConstDependency('undefined', expression.range!, null));
        return true;
      };
      // Before webpack's own (stage -100), which would render it as an object of its definitions.
      parser.hooks.expression.for('import.meta.env').tap({ name: NAME, stage: -200 }, viteEnv);
      parser.hooks.expressionMemberChain.for('import.meta').tap(NAME, (expression, members) => (members[0] === 'env' ? viteEnv(expression) : undefined));
      parser.hooks.expression.for('process.env').tap(NAME, wholeEnv);
      // `const env = process.env` is an alias, not an expression, because DefinePlugin makes process.env renameable.
      parser.hooks.rename.for('process.env').tap(NAME, (expression) => (isDependency(parser) ? undefined : wholeEnv(expression)));
    };

    compiler.hooks.compilation.tap(NAME, (_compilation, { normalModuleFactory }) => {
      for (const type of ['javascript/auto', 'javascript/dynamic', 'javascript/esm']) {
        normalModuleFactory.hooks.parser.for(type).tap(NAME, (parser) => hookInto(parser as Parser));
      }
    });
  }
}
