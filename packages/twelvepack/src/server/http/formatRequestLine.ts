/** What a JSON string must escape: control characters, `"` and `\`; and surrogates, which JSON.stringify escapes when lone. */
const NEEDS_ESCAPING = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * The request line, as pino writes a line with createLogger's options: level
 * (as a word), time, pid, then the request's fields, then msg (a spec holds it
 * to pino's output for the same fields). One template, every field in place:
 * no object to walk, no serializer to dispatch. The strings that
 * come from the request are escaped; the numbers are the pipeline's own. Pure.
 */
export function formatRequestLine(time: string, pid: number, requestId: string, method: string, path: string, status: number, bytes: number, durationMs: number): string {
  return `{"level":"info","time":"${time}","pid":${pid},"requestId":${jsonString(requestId)},"method":${jsonString(method)},"path":${jsonString(path)},"status":${status},"bytes":${bytes},"durationMs":${durationMs},"msg":"request"}\n`;
}

/** A string as JSON: quoted as it is when nothing in it needs escaping (nearly always), JSON.stringify's otherwise. */
function jsonString(value: string): string {
  return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`;
}
