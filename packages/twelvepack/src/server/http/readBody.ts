import type { IncomingMessage } from 'node:http';
import { HttpError } from './HttpError';

/** Thrown when a body is larger than allowed: answered 413 unless the handler catches it. */
export class BodyTooLargeError extends HttpError {
  constructor(readonly limit: number) {
    super(413, `Request body is larger than ${limit} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body up to a limit, rejecting early (before buffering it all)
 * when it is too large. The rest is left unread: the pipeline's answer then
 * closes the connection rather than drain a body nobody wants.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
