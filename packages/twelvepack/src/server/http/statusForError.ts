import { NotAnIntegerError, StoreUnavailableError } from '../store/KeyValueStore';

/** What a failed request tells the client: errors it can act on keep their message; the rest are a plain 500. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
}

/** Maps an error to its answer. Pure. */
export function statusForError(error: unknown, requestId: string): ErrorAnswer {
  if (error instanceof StoreUnavailableError) {
    return { status: 503, body: { error: 'The store is unavailable right now; try again shortly.', requestId }, headers: { 'Retry-After': '1' } };
  }
  if (error instanceof NotAnIntegerError) return { status: 409, body: { error: error.message, requestId }, headers: {} };
  return { status: 500, body: { error: 'Internal Server Error', requestId }, headers: {} };
}
