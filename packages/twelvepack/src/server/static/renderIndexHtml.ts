import { createHash } from 'node:crypto';
import { renderPlaceholders } from '../../config/renderPlaceholders';
import { RUNTIME_ENV_GLOBAL } from '../../config/schema';

/** A page with the runtime public config, and the CSP hash that allows its one inline script. */
export interface RenderedIndex {
  readonly html: string;
  /** `'sha256-…'`, for `script-src`. */
  readonly scriptHash: string;
}

/**
 * Renders a page from the server's own environment, so one build can be
 * promoted from staging to production and show each one's values before any
 * script runs ("build once, deploy many"): every `%PUBLIC_NAME%` placeholder
 * (title, meta, text) gets its value, HTML-escaped, and the public config is
 * embedded for the browser runtime. The JSON is escaped so no value can close
 * the script element or break out of it (`</script>`, `<!--`, U+2028/2029). Pure.
 */
export function renderIndexHtml(page: string, publicEnv: Readonly<Record<string, string>>): RenderedIndex {
  const template = renderPlaceholders(page, publicEnv);
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
