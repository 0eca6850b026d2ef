import type { Handler } from 'twelvepack/server';
import { json, jsonInteger } from 'twelvepack/server';
import type { DemoServices } from './openDemoServices';

/** The key the demo page's visit counter lives under. */
export const VISITS_KEY = 'twelvepack:visits';

/** `POST /api/visits`: counts a visit with an atomic INCR in the store and returns the count (a string past 2^53 - 1). */
export const countVisit: Handler<unknown, DemoServices> = async (_req, { services }) =>
  json(200, { visits: jsonInteger(await services.store.increment(VISITS_KEY)), store: services.store.kind });
