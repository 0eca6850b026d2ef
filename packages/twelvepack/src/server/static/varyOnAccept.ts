import type { StaticEntry, StaticVariant } from './loadStaticTable';
import { staticVariant } from './staticVariant';

/**
 * The entry with `Accept` put first in every variant's `Vary` (`Accept,
 * Accept-Encoding` for a compressed one): index.html as the answer to a client
 * route, which is 404 to a request that does not ask for HTML, so a cache must
 * key it on Accept too. Made once, at boot; the entry is not changed. Pure.
 */
export function varyOnAccept(entry: StaticEntry): StaticEntry {
  const variants: Partial<Record<string, StaticVariant>> = {};
  for (const [encoding, variant] of Object.entries(entry.variants) as [string, StaticVariant][]) {
    variants[encoding] = staticVariant(variant.body, variant.etag, { ...variant.headers, Vary: withAccept(variant.headers.Vary) });
  }
  return { ...entry, variants: variants as StaticEntry['variants'] };
}

/** A Vary value with Accept first: `Accept` alone when there was none. */
function withAccept(vary: string | undefined): string {
  return vary === undefined ? 'Accept' : `Accept, ${vary}`;
}
