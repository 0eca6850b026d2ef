import type { Configuration } from 'webpack';
import { createWebpackConfig, type BuildOptions } from './createWebpackConfig';
import { LegacyBundleLink } from './plugins/LegacyBundleLink';

/**
 * An app's browser builds. In production: the modern bundle (`<script type="module">`, ES2020) and, unless
 * TWELVEPACK_LEGACY_BUNDLE is false, the legacy one (`<script nomodule>`, ES5) beside it, into one folder,
 * compiled side by side in one webpack() call. In development: the modern bundle alone, since the browser
 * on a developer's desk runs it.
 */
export function createClientWebpackConfigs(options: Omit<BuildOptions, 'bundle' | 'pairedThrough'>): Configuration[] {
  const production = (options.mode ?? 'production') === 'production';
  if (!production || !options.loaded.config.TWELVEPACK_LEGACY_BUNDLE) return [createWebpackConfig({ ...options, bundle: 'modern' })];
  const link = new LegacyBundleLink();
  return [createWebpackConfig({ ...options, bundle: 'legacy', pairedThrough: link }), createWebpackConfig({ ...options, bundle: 'modern', pairedThrough: link })];
}
