import type { Answer } from '../../config/AppManifest';
import { json } from './answers';
import { HttpError } from './HttpError';

/**
 * What a failed request tells the client: an HttpError keeps its status, message
 * and headers (the error says what the client can do); anything else is a plain
 * 500 with the request id, its details left to the log. Pure.
 */
export function answerForError(error: unknown, requestId: string): Answer {
  if (error instanceof HttpError) return json(error.status, { error: error.publicMessage, requestId }, error.headers);
  return json(500, { error: 'Internal Server Error', requestId });
}
