import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import { createCssMinimizer } from '../createCssMinimizer';
import type { BrowserPart } from './BrowserPart';

/** Stylesheets extracted into their own files (hashed when shipped) and minified for the plan's browsers; their rule is createModuleRules'. */
export const cssPart: BrowserPart = (plan) => ({
  plugins: [
    new MiniCssExtractPlugin(
      plan.hashedNames ? { filename: '[name].[contenthash:8].css', chunkFilename: '[name].[contenthash:8].chunk.css' } : { filename: '[name].css', chunkFilename: '[name].chunk.css' },
    ),
  ],
  optimization: { minimizer: [createCssMinimizer(plan.cssBrowsers)] },
});
