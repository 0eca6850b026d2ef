import { createHash } from 'node:crypto';
import { RUNTIME_ENV_GLOBAL } from '../../config/schema';

/** index.html with the runtime public config, and the CSP hash that allows its one inline script. */
export interface RenderedIndex {
  readonly html: string;
  /** `'sha256-…'`, for `script-src`. */
  readonly scriptHash: string;
}

/**
 * Embeds the public config from the server's own environment in index.html,
 * so one build can be promoted from staging to production and show each
 * one's values ("build once, deploy many"). The JSON is escaped so no value
 * can close the script element or break out of it (`</script>`, `<!--`,
 * U+2028/2029). Pure.
 */
export function renderIndexHtml(template: string, publicEnv: Readonly<Record<string, string>>): RenderedIndex {
  const json = JSON.stringify(publicEnv)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const code = `window.${RUNTIME_ENV_GLOBAL}=${json};`;
  const scriptHash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  const tag = `<script>${code}</script>`;
  // Before the first script, so the bundle (deferred) always finds it.
  const at = template.search(/<script\b|<\/head>/i);
  const html = at === -1 ? `${tag}${template}` : `${template.slice(0, at)}${tag}${template.slice(at)}`;
  return { html, scriptHash };
}
