import { join, relative } from 'node:path';
import CopyPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { WebpackPluginInstance } from 'webpack';
import { pageFilename } from '../../config/checkApp';
import { PublicPlaceholdersPlugin } from '../plugins/PublicPlaceholdersPlugin';
import type { BrowserBuildPlan } from '../planBrowserBuilds';
import type { BrowserBuildContext, BrowserPart } from './BrowserPart';

/**
 * The pages, their public values and the public folder, written by the compilation that writes pages (with the
 * legacy scripts too when paired); the legacy half of a pair hands its scripts over instead.
 */
export const pagesPart: BrowserPart = (plan, context) => ({
  plugins: plan.writesPages ? pagePlugins(plan, context) : [pairedLink(context).provider()],
});

function pagePlugins(plan: BrowserBuildPlan, { root, loaded, pages, publicDir, outDir, link }: BrowserBuildContext): WebpackPluginInstance[] {
  return [
    ...pages.map((page, i) => new HtmlWebpackPlugin({ template: join(root, page.template), filename: pageFilename(page, i), chunks: [page.name], scriptLoading: plan.scriptLoading })),
    ...(plan.paired ? [pairedLink({ link }).consumer(new Map(pages.map((page, i) => [pageFilename(page, i), page.name])))] : []),
    // Public values in the pages: filled now in development, by the server (from its environment) in production.
    new PublicPlaceholdersPlugin({ publicEnv: loaded.publicEnv, fill: plan.fillsPlaceholders }),
    new CopyPlugin({
      patterns: [
        {
          from: join(root, publicDir),
          to: outDir,
          noErrorOnMissing: true,
          // The templates become pages, and a file named like a page would collide with it; everything else is copied as it is.
          globOptions: {
            dot: true,
            ignore: pages.flatMap((page, i) => [`**/${relative(join(root, publicDir), join(root, page.template)).replace(/\\/g, '/')}`, `**/${pageFilename(page, i)}`]),
          },
        },
      ],
    }),
  ];
}

function pairedLink({ link }: Pick<BrowserBuildContext, 'link'>) {
  if (link === undefined) throw new Error('a paired browser build needs the LegacyBundleLink its two halves share (createClientWebpackConfigs makes it).');
  return link;
}
