/** Options for {@link HttpError}. */
export interface HttpErrorOptions {
  /** Headers the answer carries (Retry-After, Allow, WWW-Authenticate...). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The message for the log, when it may say more than the client is told (a cause, a host). */
  readonly logMessage?: string;
}

/**
 * An error that carries its own answer: the pipeline sends its status, its
 * public message and its headers, and logs it as a refusal, not a failure.
 * Anything else thrown is a 500 whose details stay in the log.
 */
export class HttpError extends Error {
  /** The HTTP status to answer with (4xx or 5xx). */
  readonly status: number;
  /** Headers the answer carries. */
  readonly headers: Readonly<Record<string, string>>;
  /** What the client is told: what happened and what to do. */
  readonly publicMessage: string;

  constructor(status: number, publicMessage: string, { headers = {}, logMessage }: HttpErrorOptions = {}) {
    super(logMessage ?? publicMessage);
    this.name = 'HttpError';
    this.status = status;
    this.headers = headers;
    this.publicMessage = publicMessage;
  }
}
