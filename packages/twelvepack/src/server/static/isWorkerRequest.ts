/** `Sec-Fetch-Dest` values of a script fetched to run as a worker (Fetch Metadata). */
const WORKER_DESTINATIONS: ReadonlySet<string> = new Set(['worker', 'sharedworker', 'serviceworker']);

/**
 * Whether a script is being fetched to run as a worker, per `Sec-Fetch-Dest`.
 * A worker's CSP is the one its script's response carries, so that response
 * needs a document's headers. Browsers without Fetch Metadata
 * (Safari before 16.4) say nothing, and get the script's headers. Pure.
 */
export function isWorkerRequest(headers: { readonly 'sec-fetch-dest'?: string }): boolean {
  const destination = headers['sec-fetch-dest'];
  return destination !== undefined && WORKER_DESTINATIONS.has(destination);
}
