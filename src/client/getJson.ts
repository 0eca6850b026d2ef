/** GETs JSON from this origin. XMLHttpRequest, not fetch, so ES5 browsers need no polyfill. */
export function getJson<T>(url: string): Promise<T> {
  return requestJson<T>('GET', url);
}

/** POSTs (with no body) and reads the JSON answer. */
export function postJson<T>(url: string): Promise<T> {
  return requestJson<T>('POST', url);
}

function requestJson<T>(method: 'GET' | 'POST', url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.setRequestHeader('Accept', 'application/json');
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText) as T);
      else reject(new Error(`${method} ${url} answered ${request.status}`));
    };
    request.onerror = () => reject(new Error(`${method} ${url} failed: network error`));
    request.send();
  });
}
