import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compiler } from 'webpack';
import { findPlaceholders, renderPlaceholders } from '../../config/renderPlaceholders';

const NAME = 'twelvepack:PublicPlaceholdersPlugin';

/** Options for {@link PublicPlaceholdersPlugin}. */
export interface PublicPlaceholdersOptions {
  /** The public values, by name. */
  readonly publicEnv: Readonly<Record<string, string>>;
  /**
   * Fill the placeholders now (development: the dev server's page is the build's).
   * Otherwise they stay for the production server, which fills them from its own
   * environment at boot, so a promoted build shows the new environment's values.
   */
  readonly fill: boolean;
}

/**
 * `%PUBLIC_NAME%` (and `%NODE_ENV%`) in a page template stand for a public
 * value, HTML-escaped. A placeholder that names no declared public variable
 * fails the build, naming the page and the name, instead of reaching the page
 * as text.
 */
export class PublicPlaceholdersPlugin {
  constructor(private readonly options: PublicPlaceholdersOptions) {}

  apply(compiler: Compiler): void {
    const { WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap(NAME, (data) => {
        const unknown = findPlaceholders(data.html).filter((name) => !(name in this.options.publicEnv));
        if (unknown.length > 0) {
          const error = new WebpackError(
            `${data.outputName} names ${unknown.map((name) => `%${name}%`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a declared public variable. ` +
              'Declare it in the variables of src/app.ts (public, named PUBLIC_*), or fix the spelling in the template.',
          );
          error.name = 'PublicPlaceholderError';
          error.file = data.outputName;
          compilation.errors.push(error);
        }
        if (this.options.fill) data.html = renderPlaceholders(data.html, this.options.publicEnv);
        return data;
      });
    });
  }
}
