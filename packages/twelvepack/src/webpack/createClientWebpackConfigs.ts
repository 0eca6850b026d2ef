import type { Configuration } from 'webpack';
import { configFromPlan, type BuildOptions } from './createWebpackConfig';
import { planBrowserBuilds } from './planBrowserBuilds';
import { LegacyBundleLink } from './plugins/LegacyBundleLink';

/**
 * An app's browser builds, as planBrowserBuilds decides them: in production the modern bundle
 * (`<script type="module">`, ES2020) and, unless TWELVEPACK_LEGACY_BUNDLE is false, the legacy one
 * (`<script nomodule>`, ES5) beside it, into one folder, compiled side by side in one webpack() call; in
 * development the modern bundle alone.
 */
export function createClientWebpackConfigs(options: Omit<BuildOptions, 'bundle' | 'pairedThrough'>): Configuration[] {
  const plans = planBrowserBuilds(options.mode ?? 'production', options.loaded.config);
  // The two halves of a pair share one link: the legacy one hands its scripts to the modern one.
  const pairedThrough = plans.some((plan) => plan.paired) ? new LegacyBundleLink() : undefined;
  return plans.map((plan) => configFromPlan(plan, { ...options, pairedThrough }));
}
