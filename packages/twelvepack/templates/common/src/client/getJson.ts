/**
 * GETs JSON from this origin (the app's routes). Browsers without fetch (IE 11) get twelvepack's polyfill in
 * the legacy bundle, since this module names it (the toolkit's README: "Web APIs in the legacy bundle").
 */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}
