import type { Configuration } from 'webpack';
import type { SourceMapKind } from '../planBrowserBuilds';
import type { BrowserPart } from './BrowserPart';

/** webpack's devtool for each kind of source map the plan asks for. */
const DEVTOOLS: Record<SourceMapKind, Configuration['devtool']> = {
  hidden: 'hidden-source-map',
  linked: 'source-map',
  none: false,
  // Each module's code and map as an eval string webpack caches, so an edit regenerates one.
  eval: 'eval-cheap-module-source-map',
};

/** The source maps: written and not referenced by default in production (SOURCE_MAPS), per module in development. */
export const devtoolPart: BrowserPart = (plan) => ({ devtool: DEVTOOLS[plan.sourceMaps] });
