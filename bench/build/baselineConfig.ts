import TerserPlugin from 'terser-webpack-plugin';
import type { Configuration } from 'webpack';
import { join } from 'node:path';

/**
 * The baseline a user would write by hand: babel-loader with preset-env (the
 * same browserslist targets) and terser, no caching, no splitting, no extra plugins.
 */
export function baselineConfig({ app, outDir }: { app: string; outDir: string }): Configuration {
  return {
    mode: 'production',
    context: app,
    target: ['web', 'es5'],
    entry: join(app, 'src', 'main.ts'),
    output: { path: outDir, filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.(ts|js)$/,
          exclude: /[\\/]node_modules[\\/]/,
          use: [
            {
              loader: require.resolve('babel-loader'),
              // What the babel-loader README suggests, not our babel.config.js.
              options: {
                configFile: false,
                babelrc: false,
                presets: [['@babel/preset-env', { useBuiltIns: 'usage', corejs: '3.51' }], '@babel/preset-typescript'],
              },
            },
          ],
        },
      ],
    },
    cache: false,
    devtool: false,
    optimization: { minimizer: [new TerserPlugin({ terserOptions: { ecma: 5 } })] },
    performance: { hints: false },
    stats: 'none',
  };
}
