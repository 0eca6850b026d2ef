/** `%PUBLIC_NAME%` or `%NODE_ENV%`: a public value's place in an HTML page. */
const PLACEHOLDER = /%(PUBLIC_[A-Z0-9_]+|NODE_ENV)%/g;

/** The names a page's placeholders refer to, once each. Pure. */
export function findPlaceholders(html: string): string[] {
  return [...new Set([...html.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Fills each placeholder with its public value, HTML-escaped (safe in text and
 * in quoted attributes); an unknown name stays as written. Pure. The build uses
 * it in development, the production server at boot, from its own environment.
 */
export function renderPlaceholders(html: string, publicEnv: Readonly<Record<string, string>>): string {
  return html.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(publicEnv, name) ? escapeHtml(publicEnv[name]!) : whole));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
