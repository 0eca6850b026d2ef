import type { Route } from '../http/createRequestHandler';
import { sendJson } from '../http/sendJson';
import type { KeyValueStore } from '../store/KeyValueStore';

/** The key the demo page's visit counter lives under. */
export const VISITS_KEY = 'twelvepack:visits';

/** `POST /api/visits`: counts a visit with an atomic INCR in the store and returns the count. */
export function createVisitsRoute(store: KeyValueStore): Route {
  return async (req, res) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST to count a visit.' }, { Allow: 'POST' });
    sendJson(res, 200, { visits: await store.increment(VISITS_KEY), store: store.kind });
  };
}
