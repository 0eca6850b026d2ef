/**
 * GETs JSON from this origin (the app's routes). XMLHttpRequest, not fetch, so
 * the ES5 browsers the build targets need no polyfill.
 */
export function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.setRequestHeader('Accept', 'application/json');
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText) as T);
      else reject(new Error(`GET ${url} answered ${request.status}`));
    };
    request.onerror = () => reject(new Error(`GET ${url} failed: network error`));
    request.send();
  });
}
