import type { Answer } from '../../config/AppManifest';

/** A JSON answer with its length; API answers are never cached. */
export function json(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Answer {
  const payload = Buffer.from(JSON.stringify(body));
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(payload.length), 'Cache-Control': 'no-store', ...headers },
    body: payload,
  };
}

/** A plain-text answer (one line and a newline), never cached. */
export function text(status: number, message: string, headers: Readonly<Record<string, string>> = {}): Answer {
  const payload = Buffer.from(`${message}\n`);
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(payload.length), 'Cache-Control': 'no-store', ...headers },
    body: payload,
  };
}

/** An answer with no body (204, 304). */
export function empty(status: number, headers: Readonly<Record<string, string>> = {}): Answer {
  return { status, headers };
}
