import type { Redact } from './redactSecrets';

/**
 * Redacts an error in place: its message, stack, details and every other
 * string it holds, and the same in the errors it wraps (`error`, as webpack's
 * ModuleBuildError holds the loader's; `cause`; an AggregateError's `errors`).
 * In place, because the same object is also held by its module, webpack's
 * cache and whatever prints stats. A string (some plugins push those) is
 * returned redacted. Anything shaped like an error counts, since errors made
 * in a worker thread or another realm fail `instanceof Error`.
 */
export function redactError<T>(error: T, redact: Redact, seen = new Set<object>()): T {
  if (typeof error === 'string') return redact(error) as T;
  if (!isErrorLike(error) || seen.has(error)) return error;
  seen.add(error);
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined || !('value' in descriptor) || !descriptor.writable) continue;
    const value: unknown = descriptor.value;
    if (typeof value === 'string') {
      const redacted = redact(value);
      if (redacted !== value) (error as Record<string, unknown>)[key] = redacted;
    } else if (Array.isArray(value) && !Object.isFrozen(value)) {
      value.forEach((item: unknown, i) => {
        const redacted = redactError(item, redact, seen);
        if (redacted !== item) value[i] = redacted;
      });
    } else {
      redactError(value, redact, seen);
    }
  }
  return error;
}

function isErrorLike(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}
