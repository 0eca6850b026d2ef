/**
 * The origin-form (`/path?query`) of a request target. Absolute-form
 * (`http://host/path`), which RFC 9112 §3.2.2 says a server must accept, loses
 * its scheme and authority; anything else (`*`, authority-form) is undefined.
 */
export function originForm(target: string): string | undefined {
  if (target.startsWith('/')) return target;
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target);
  if (absolute === null) return undefined;
  const rest = target.slice(absolute[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}
