import Dotenv from 'dotenv-webpack';
import type { Expression } from 'estree';
import type { Compiler, javascript } from 'webpack';

const NAME = 'twelvepack:PublicEnvPlugin';

type Parser = javascript.JavascriptParser;

/**
 * dotenv-webpack, restricted to an allowlist we own.
 *
 * dotenv-webpack hands every key it gathers (every `.env` key, and with
 * `systemvars` the whole environment) to DefinePlugin. This subclass gathers
 * nothing itself: it inlines exactly the public values it is given, refuses
 * any name outside the allowlist, and expands nothing (`${}` expansion already
 * happened in src/config, where a public value may not refer to a private one).
 *
 * It also makes a non-public `process.env.X` in application code a build error
 * that names the module and the variable, instead of webpack 5's silent
 * `undefined` (or a ReferenceError in the browser).
 */
export class PublicEnvPlugin extends Dotenv {
  private readonly publicEnv: Readonly<Record<string, string>>;

  /**
   * @param publicEnv the values to inline, by name
   * @param allowed the names that may be inlined (the schema's public names)
   */
  constructor(publicEnv: Readonly<Record<string, string>>, allowed: readonly string[]) {
    super({ path: false, systemvars: false, expand: false, ignoreStub: true, silent: true });
    const refused = Object.keys(publicEnv).filter((name) => !allowed.includes(name));
    if (refused.length > 0) {
      throw new Error(
        `PublicEnvPlugin refuses to inline ${refused.length} variable(s) that are not on the public allowlist: ` +
          `${refused.slice(0, 10).join(', ')}${refused.length > 10 ? ', ...' : ''}. Never pass the whole environment; ` +
          'pass pickPublicEnv(config) from src/config, and declare new public variables in src/config/schema.ts.',
      );
    }
    this.publicEnv = Object.freeze({ ...publicEnv });
  }

  /** What dotenv-webpack turns into DefinePlugin definitions: the allowlisted values only. */
  gatherVariables(): Record<string, string> {
    return { ...this.publicEnv };
  }

  apply(compiler: Compiler): void {
    super.apply(compiler);
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
            `Only variables marked public in src/config/schema.ts (named PUBLIC_*) reach the browser. ` +
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
            'Name each public variable (process.env.PUBLIC_...), or import publicConfig from src/client/publicConfig.',
        );
        return true;
      };
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
