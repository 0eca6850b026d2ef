/** One browser error, as the client reports it and the server logs it. */
export interface ClientError {
  readonly kind: 'error' | 'unhandledrejection';
  readonly message: string;
  readonly source?: string;
  readonly line?: number;
  readonly column?: number;
  readonly stack?: string;
  /** How many times it happened since the last report (the client deduplicates). */
  readonly count: number;
}

/** Limits on what a report may hold; larger fields are cut, more errors refused. */
export const REPORT_LIMITS = { maxErrors: 20, maxMessage: 1000, maxStack: 4000, maxSource: 500 } as const;

/** A validated report, or why it was refused. */
export type ParsedReport = { readonly ok: true; readonly errors: readonly ClientError[] } | { readonly ok: false; readonly reason: string };

/**
 * Validates a client error report: `{ "errors": [{ kind, message, source?, line?,
 * column?, stack?, count? }] }`. Strings are cut to their limits; anything of
 * the wrong shape refuses the whole report, so nothing partial is logged. Pure.
 */
export function parseClientErrorReport(body: string): ParsedReport {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'The body must be JSON: {"errors":[{"kind":"error","message":"..."}]}.' };
  }
  const errors = (data as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return { ok: false, reason: '"errors" must be a non-empty array.' };
  if (errors.length > REPORT_LIMITS.maxErrors) return { ok: false, reason: `At most ${REPORT_LIMITS.maxErrors} errors per report.` };
  const parsed: ClientError[] = [];
  for (const [i, item] of errors.entries()) {
    const e = item as Record<string, unknown> | null;
    if (e === null || typeof e !== 'object') return { ok: false, reason: `errors[${i}] must be an object.` };
    if (e.kind !== 'error' && e.kind !== 'unhandledrejection') return { ok: false, reason: `errors[${i}].kind must be "error" or "unhandledrejection".` };
    if (typeof e.message !== 'string') return { ok: false, reason: `errors[${i}].message must be a string.` };
    for (const field of ['line', 'column', 'count'] as const) {
      if (e[field] !== undefined && !(Number.isInteger(e[field]) && (e[field] as number) >= 0)) {
        return { ok: false, reason: `errors[${i}].${field} must be a whole number.` };
      }
    }
    for (const field of ['source', 'stack'] as const) {
      if (e[field] !== undefined && typeof e[field] !== 'string') return { ok: false, reason: `errors[${i}].${field} must be a string.` };
    }
    parsed.push({
      kind: e.kind,
      message: e.message.slice(0, REPORT_LIMITS.maxMessage),
      ...(typeof e.source === 'string' ? { source: e.source.slice(0, REPORT_LIMITS.maxSource) } : {}),
      ...(typeof e.line === 'number' ? { line: e.line } : {}),
      ...(typeof e.column === 'number' ? { column: e.column } : {}),
      ...(typeof e.stack === 'string' ? { stack: e.stack.slice(0, REPORT_LIMITS.maxStack) } : {}),
      count: typeof e.count === 'number' ? Math.max(1, e.count) : 1,
    });
  }
  return { ok: true, errors: parsed };
}
