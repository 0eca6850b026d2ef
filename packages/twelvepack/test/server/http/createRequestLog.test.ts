import pino from 'pino';
import { Writable } from 'node:stream';
import { createLineBatcher } from '../../../src/server/createLineBatcher';
import { createRequestLog } from '../../../src/server/http/createRequestLog';
import { createLogger } from '../../../src/server/logger';

/** A destination that keeps each line as written. */
function capture(): { lines: string[]; destination: Writable } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return { lines, destination };
}

const withoutTime = (line: string) => line.replace(/"time":"[^"]*"/, '"time":"T"');

describe('createRequestLog', () => {
  it('writes the very line pino writes for the same fields: same keys, same order, same format', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination });
    const fields = { requestId: 'req-1', method: 'GET', path: '/main.1a2b3c4d.js', status: 200, bytes: 2590, durationMs: 0.123 };
    logger.info(fields, 'request');
    createRequestLog(logger)(fields.requestId, fields.method, fields.path, fields.status, fields.bytes, fields.durationMs);
    expect(lines).toHaveLength(2);
    expect(withoutTime(lines[1]!)).toBe(withoutTime(lines[0]!));
    expect(JSON.parse(lines[1]!)).toEqual({ level: 'info', time: expect.any(String), pid: process.pid, ...fields, msg: 'request' });
  });

  // stdout's destination: the line batcher in front of SonicBoom.
  it.each([
    ['a plain path', '/main.1a2b3c4d.js'],
    ['a path that needs escaping', '/caf\u00e9/"x"'],
  ])('writes the very line pino writes through the line batcher too, for %s', (_name, path) => {
    const chunks: string[] = [];
    const batcher = createLineBatcher({ write: (chunk: Buffer) => chunks.push(chunk.toString('utf8')) }, 4096);
    const logger = createLogger({ level: 'info', destination: batcher });
    const fields = { requestId: 'req-1', method: 'GET', path, status: 200, bytes: 2590, durationMs: 0.05 };
    logger.info(fields, 'request');
    createRequestLog(logger)(fields.requestId, fields.method, fields.path, fields.status, fields.bytes, fields.durationMs);
    batcher.flushSync();
    const lines = chunks.join('').split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    expect(withoutTime(lines[1]!)).toBe(withoutTime(lines[0]!));
    expect(JSON.parse(lines[1]!)).toMatchObject({ path });
  });

  it('stamps the line with the ISO time of now', () => {
    const { lines, destination } = capture();
    const before = Date.now();
    createRequestLog(createLogger({ level: 'info', destination }))('req-1', 'GET', '/', 200, 0, 0);
    const time = (JSON.parse(lines[0]!) as { time: string }).time;
    expect(new Date(time).toISOString()).toBe(time);
    expect(Date.parse(time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(time)).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ['quotes and backslashes', '/a"b\\c'],
    ['control characters', '/a\u0001b\u001fc\td'],
    ['a line break, which would forge a second line', '/a\n{"level":"fatal"}'],
    ['bytes Node reads as Latin-1', '/caf\u00e9/\u00ff'],
    ['a JSON look-alike', '/","status":500,"x":"'],
  ])('keeps a path holding %s on one line, and it reads back exactly', (_name, path) => {
    const { lines, destination } = capture();
    createRequestLog(createLogger({ level: 'info', destination }))('req-1', 'GET', path, 200, 0, 0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ path, status: 200 });
  });

  it('writes nothing while the level is above info, and writes again once it is back', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'warn', destination });
    const log = createRequestLog(logger);
    log('req-1', 'GET', '/', 200, 0, 0);
    expect(lines).toEqual([]);
    logger.level = 'info';
    log('req-2', 'GET', '/', 200, 0, 0);
    expect(lines.map((line) => (JSON.parse(line) as { requestId: string }).requestId)).toEqual(['req-2']);
  });

  it('sends the line through a logger it did not make, whose format it does not know', () => {
    const { lines, destination } = capture();
    const foreign = pino({ base: { service: 'edge' }, messageKey: 'message' }, destination);
    createRequestLog(foreign)('req-1', 'GET', '/', 200, 5, 1.5);
    expect(JSON.parse(lines[0]!)).toMatchObject({ service: 'edge', message: 'request', requestId: 'req-1', status: 200, bytes: 5, durationMs: 1.5 });
  });
});
