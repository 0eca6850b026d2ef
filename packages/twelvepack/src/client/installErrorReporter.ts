/** What the server's /api/client-errors endpoint accepts, one entry per distinct error. */
interface ReportedError {
  kind: 'error' | 'unhandledrejection';
  message: string;
  source?: string;
  line?: number;
  column?: number;
  stack?: string;
  count: number;
}

/** Options for {@link installErrorReporter}. */
export interface ErrorReporterOptions {
  /** Where reports go (same origin). */
  readonly endpoint?: string;
  /** How long to gather errors before sending one batch. */
  readonly delayMs?: number;
  /** Most distinct errors in one batch (the server accepts 20). */
  readonly maxBatch?: number;
}

let installed = false;

/**
 * Sends uncaught errors and unhandled rejections to the server, which logs
 * them: in production nobody sees the user's console. Errors are deduplicated
 * (same kind, message and place count up) and sent in batches; a page being
 * hidden flushes what is pending with sendBeacon. A second call does nothing.
 */
export function installErrorReporter({ endpoint = '/api/client-errors', delayMs = 1000, maxBatch = 20 }: ErrorReporterOptions = {}): void {
  // Once per page: a module that calls it runs again after a hot update, and each error must be sent once.
  if (installed) return;
  installed = true;
  let pending: Record<string, ReportedError> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const errors = Object.keys(pending).map((key) => pending[key]!);
    pending = {};
    if (errors.length === 0) return;
    const body = JSON.stringify({ errors: errors.slice(0, maxBatch) });
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(endpoint, new Blob([body], { type: 'application/json' }))) return;
    const request = new XMLHttpRequest();
    request.open('POST', endpoint);
    request.setRequestHeader('Content-Type', 'application/json');
    request.send(body);
  };

  const record = (error: Omit<ReportedError, 'count'>) => {
    const key = `${error.kind}|${error.message}|${error.source ?? ''}|${error.line ?? ''}|${error.column ?? ''}`;
    const seen = pending[key];
    if (seen) seen.count += 1;
    else if (Object.keys(pending).length < maxBatch) pending[key] = { ...error, count: 1 };
    if (timer === undefined) timer = setTimeout(flush, delayMs);
  };

  window.addEventListener('error', (event: ErrorEvent) => {
    record({
      kind: 'error',
      message: String(event.message || (event.error as Error | undefined)?.message || 'Unknown error'),
      source: event.filename || undefined,
      line: event.lineno || undefined,
      column: event.colno || undefined,
      stack: (event.error as Error | undefined)?.stack,
    });
  });
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    const reason = event.reason as { message?: unknown; stack?: unknown } | undefined;
    record({
      kind: 'unhandledrejection',
      message: typeof reason?.message === 'string' ? reason.message : String(event.reason),
      stack: typeof reason?.stack === 'string' ? reason.stack : undefined,
    });
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}
