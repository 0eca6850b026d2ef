// How a browser that runs module scripts, but cannot parse the modern bundle, still gets the legacy one.
// The build writes both into the pages (src/webpack/plugins/LegacyBundleLink.ts); the server allows the
// inline script by its hash (src/server/static/securityHeaders.ts). It sits in config/ because both sides share it.
import { createHash } from 'node:crypto';

/** The global the modern bundle's runtime sets first, in syntax only a modern browser parses. */
export const MODERN_FLAG = '__twelvepackModern';

/**
 * Prepended to the modern runtime: ES2020's `?.` and `??` (Firefox 72 and 73 parse `??` only), and the
 * flag set to true. A module-script browser older than the modern targets fails to parse the whole
 * file, so none of the modern bundle runs there and the flag stays unset.
 */
export const MODERN_GATE = `self.${MODERN_FLAG}=self?.self===self??!1;`;

/**
 * The inline module script after a page's module scripts (so it runs after them, in order): when the
 * modern runtime did not run, it loads the page's `nomodule` scripts, in order. ES5, and the same on
 * every page. Safari 10.1 runs `nomodule` scripts itself (it has no `noModule` property): skipped there.
 */
export const LEGACY_FALLBACK_SCRIPT =
  `(function(){if(self.${MODERN_FLAG}||!('noModule' in HTMLScriptElement.prototype))return;` +
  "var s=document.querySelectorAll('script[nomodule]');" +
  "for(var i=0;i<s.length;i++){var e=document.createElement('script');e.src=s[i].src;e.async=false;document.head.appendChild(e);}})();";

/** Its CSP source: `'sha256-…'`. */
export const LEGACY_FALLBACK_HASH = `'sha256-${createHash('sha256').update(LEGACY_FALLBACK_SCRIPT).digest('base64')}'`;
