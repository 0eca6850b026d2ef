import { AssetManifestPlugin } from '../plugins/AssetManifestPlugin';
import type { BrowserPart } from './BrowserPart';

/** The asset manifest, written by the compilation that writes the pages, with the legacy half's files when paired. */
export const manifestPart: BrowserPart = (plan, { link }) => {
  if (!plan.writesPages) return {};
  return { plugins: [new AssetManifestPlugin(plan.paired && link !== undefined ? async () => (await link.legacy())?.files : undefined)] };
};
