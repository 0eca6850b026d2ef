import { parseClientErrorReport, REPORT_LIMITS } from '../../../src/server/api/parseClientErrorReport';

const report = (...errors: unknown[]) => JSON.stringify({ errors });
const anError = { kind: 'error', message: 'x is not defined' };

describe('parseClientErrorReport', () => {
  describe('accepts a well-formed report', () => {
    it.each([
      ['an "error" with only kind and message, count defaulting to 1', report(anError), [{ kind: 'error', message: 'x is not defined', count: 1 }]],
      [
        'an "unhandledrejection"',
        report({ kind: 'unhandledrejection', message: 'fetch failed' }),
        [{ kind: 'unhandledrejection', message: 'fetch failed', count: 1 }],
      ],
      [
        'every optional field',
        report({ kind: 'error', message: 'boom', source: 'https://example.test/main.js', line: 12, column: 0, stack: 'Error: boom\n    at f (main.js:12:0)', count: 3 }),
        [{ kind: 'error', message: 'boom', source: 'https://example.test/main.js', line: 12, column: 0, stack: 'Error: boom\n    at f (main.js:12:0)', count: 3 }],
      ],
      ['a count of 0 as 1 (it happened at least once)', report({ ...anError, count: 0 }), [{ ...anError, count: 1 }]],
      ['an empty message', report({ kind: 'error', message: '' }), [{ kind: 'error', message: '', count: 1 }]],
      [
        'several errors, in order',
        report({ kind: 'error', message: 'first' }, { kind: 'unhandledrejection', message: 'second', count: 2 }),
        [
          { kind: 'error', message: 'first', count: 1 },
          { kind: 'unhandledrejection', message: 'second', count: 2 },
        ],
      ],
    ])('%s', (_name, body, expected) => {
      expect(parseClientErrorReport(body)).toEqual({ ok: true, errors: expected });
    });

    it('leaves out optional fields that were not sent, rather than setting them to undefined', () => {
      const result = parseClientErrorReport(report(anError));
      expect(result.ok && Object.keys(result.errors[0]!).sort()).toEqual(['count', 'kind', 'message']);
    });

    it('drops fields it does not know', () => {
      expect(parseClientErrorReport(report({ ...anError, cookie: 'session=abc' }))).toEqual({ ok: true, errors: [{ ...anError, count: 1 }] });
    });

    it(`accepts exactly ${REPORT_LIMITS.maxErrors} errors`, () => {
      const result = parseClientErrorReport(report(...Array.from({ length: REPORT_LIMITS.maxErrors }, () => anError)));
      expect(result.ok && result.errors).toHaveLength(REPORT_LIMITS.maxErrors);
    });
  });

  describe('cuts long strings to their limits', () => {
    it.each([
      ['message', REPORT_LIMITS.maxMessage],
      ['stack', REPORT_LIMITS.maxStack],
      ['source', REPORT_LIMITS.maxSource],
    ] as const)('%s to %i characters', (field, limit) => {
      const long = 'a'.repeat(limit) + 'TAIL';
      const result = parseClientErrorReport(report({ ...anError, [field]: long }));
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      expect(result.errors[0]![field]).toBe('a'.repeat(limit));
    });

    it.each([
      ['message', REPORT_LIMITS.maxMessage],
      ['stack', REPORT_LIMITS.maxStack],
      ['source', REPORT_LIMITS.maxSource],
    ] as const)('keeps a %s of exactly %i characters whole', (field, limit) => {
      const exact = 'b'.repeat(limit);
      const result = parseClientErrorReport(report({ ...anError, [field]: exact }));
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      expect(result.errors[0]![field]).toBe(exact);
    });
  });

  describe('refuses a malformed report, saying what is wrong', () => {
    it.each([
      ['an empty body', '', 'must be JSON'],
      ['a body that is not JSON', 'errors=boom', 'must be JSON'],
      ['truncated JSON', '{"errors":[{"kind":"error"', 'must be JSON'],
      ['JSON null', 'null', '"errors" must be a non-empty array'],
      ['a bare array of errors', JSON.stringify([anError]), '"errors" must be a non-empty array'],
      ['an object without "errors"', '{}', '"errors" must be a non-empty array'],
      ['an empty "errors" array', report(), '"errors" must be a non-empty array'],
      ['"errors" that is not an array', '{"errors":"boom"}', '"errors" must be a non-empty array'],
      [
        `more than ${REPORT_LIMITS.maxErrors} errors`,
        report(...Array.from({ length: REPORT_LIMITS.maxErrors + 1 }, () => anError)),
        `At most ${REPORT_LIMITS.maxErrors} errors`,
      ],
      ['an error that is null', report(null), 'errors[0] must be an object'],
      ['an error that is a string', report('boom'), 'errors[0] must be an object'],
      ['a missing kind', report({ message: 'boom' }), 'errors[0].kind must be "error" or "unhandledrejection"'],
      ['an unknown kind', report({ kind: 'warning', message: 'boom' }), 'errors[0].kind must be "error" or "unhandledrejection"'],
      ['a missing message', report({ kind: 'error' }), 'errors[0].message must be a string'],
      ['a message that is a number', report({ kind: 'error', message: 42 }), 'errors[0].message must be a string'],
      ['a message that is an object', report({ kind: 'error', message: { text: 'boom' } }), 'errors[0].message must be a string'],
      ['a negative line', report({ ...anError, line: -1 }), 'errors[0].line must be a whole number'],
      ['a fractional line', report({ ...anError, line: 1.5 }), 'errors[0].line must be a whole number'],
      ['a line given as a string', report({ ...anError, line: '12' }), 'errors[0].line must be a whole number'],
      ['a negative column', report({ ...anError, column: -3 }), 'errors[0].column must be a whole number'],
      ['a fractional count', report({ ...anError, count: 2.5 }), 'errors[0].count must be a whole number'],
      ['a negative count', report({ ...anError, count: -1 }), 'errors[0].count must be a whole number'],
      ['a source that is not a string', report({ ...anError, source: 7 }), 'errors[0].source must be a string'],
      ['a stack that is not a string', report({ ...anError, stack: ['at f'] }), 'errors[0].stack must be a string'],
      ['a bad field in a later error, naming its index', report(anError, anError, { ...anError, line: -5 }), 'errors[2].line must be a whole number'],
    ])('%s', (_name, body, reason) => {
      const result = parseClientErrorReport(body);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toContain(reason);
    });
  });

  it('refuses the whole report when one error is bad, returning no partial result', () => {
    const result = parseClientErrorReport(report(anError, { kind: 'error', message: 42 }, anError));
    expect(result).toStrictEqual({ ok: false, reason: 'errors[1].message must be a string.' });
  });

  it('refuses a report over the error limit outright, rather than keeping the first errors', () => {
    const result = parseClientErrorReport(report(...Array.from({ length: REPORT_LIMITS.maxErrors + 1 }, () => anError)));
    expect(result).toStrictEqual({ ok: false, reason: `At most ${REPORT_LIMITS.maxErrors} errors per report.` });
  });
});
