import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer } from '../../../src/config/AppManifest';
import { writeAnswer } from '../../../src/server/http/writeAnswer';
import { sendRawRequest, type RawResponse } from '../static/sendRawRequest';

/** Three bytes in UTF-8 for one character: a length counted in characters would be wrong. */
const BODY = 'héllo ✓';
const BODY_BYTES = Buffer.byteLength(BODY);

describe('writeAnswer, over real HTTP', () => {
  let server: Server;
  let url: string;
  let answer: Answer;
  let pipelineHeaders: readonly string[];
  /** What writeAnswer returned for the last request. */
  let returned: number | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      returned = writeAnswer(req, res, answer, pipelineHeaders);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    pipelineHeaders = [];
    returned = undefined;
  });

  /** Answers the next request with `given` and reads the response byte for byte. */
  function answerWith(given: Answer, method = 'GET'): Promise<RawResponse> {
    answer = given;
    return sendRawRequest(url, { method, target: '/' });
  }

  it('adds Content-Length, in bytes, to object headers that do not give it', async () => {
    const response = await answerWith({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: BODY });
    expect(response.headers['content-length']).toBe(String(BODY_BYTES));
    expect(response.body.toString('utf8')).toBe(BODY);
  });

  it('keeps a Content-Length that object headers give, whatever its case', async () => {
    const response = await answerWith({ status: 200, headers: { 'content-length': String(BODY_BYTES) }, body: BODY });
    expect(response.headerLines.filter((line) => /^content-length:/i.test(line))).toEqual([`content-length: ${BODY_BYTES}`]);
  });

  it('sends a flat list of headers as built: in its order, nothing added', async () => {
    const flat = ['Content-Type', 'text/plain', 'X-Built', 'at boot', 'Cache-Control', 'no-cache'];
    const response = await answerWith({ status: 200, headers: flat, body: 'hi' });
    expect(response.headerLines.slice(0, 3)).toEqual(['Content-Type: text/plain', 'X-Built: at boot', 'Cache-Control: no-cache']);
    // A flat list is complete as built: a body without Content-Length in it gets none (Node falls back to chunked).
    expect(response.headers['content-length']).toBeUndefined();
  });

  it.each<[string, Answer['headers']]>([
    ['object headers', { 'Content-Type': 'text/plain' }],
    ['a flat list', ['Content-Type', 'text/plain', 'Content-Length', '2']],
  ])("appends the pipeline's headers after the answer's (%s)", async (_spec, headers) => {
    pipelineHeaders = ['X-Request-ID', 'req-1', 'Connection', 'close'];
    const response = await answerWith({ status: 200, headers, body: 'hi' });
    const names = response.headerLines.map((line) => line.slice(0, line.indexOf(':')));
    expect(names.indexOf('X-Request-ID')).toBeGreaterThan(names.indexOf('Content-Type'));
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(response.body.toString('utf8')).toBe('hi');
  });

  it.each<[string, Answer['headers']]>([
    ['object headers', { 'Content-Type': 'text/plain; charset=utf-8' }],
    ['a flat list', ['Content-Type', 'text/plain; charset=utf-8', 'Content-Length', String(BODY_BYTES)]],
  ])('answers HEAD with the Content-Length a GET gets and no body (%s)', async (_spec, headers) => {
    const get = await answerWith({ status: 200, headers, body: BODY });
    const head = await answerWith({ status: 200, headers, body: BODY }, 'HEAD');
    expect(head.headers['content-length']).toBe(String(BODY_BYTES));
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.body.length).toBe(0);
    expect(returned).toBe(0);
  });

  it.each([204, 304])('sends no body with %i, even when the answer has one', async (status) => {
    const response = await answerWith({ status, headers: { ETag: '"v1"' }, body: BODY });
    expect(response.status).toBe(status);
    expect(response.body.length).toBe(0);
    expect(returned).toBe(0);
  });

  it.each([204, 304])('adds no Content-Length to %i (RFC 9110 8.6), even when the answer has a body', async (status) => {
    const response = await answerWith({ status, headers: { ETag: '"v1"' }, body: BODY });
    expect(response.headers['content-length']).toBeUndefined();
  });

  it.each<[string, Answer]>([
    ['a string body', { status: 200, body: BODY }],
    ['a Buffer body', { status: 200, body: Buffer.from(BODY) }],
    ['an error answer', { status: 500, headers: { 'Content-Type': 'text/plain' }, body: 'Internal Server Error' }],
  ])('returns the number of body bytes the client received (%s)', async (_spec, given) => {
    const response = await answerWith(given);
    expect(returned).toBe(response.body.length);
    expect(returned).toBeGreaterThan(0);
  });

  it('returns 0 for an answer with no body', async () => {
    const response = await answerWith({ status: 200, headers: { 'Content-Type': 'text/plain' } });
    expect(response.status).toBe(200);
    expect(returned).toBe(0);
  });
});
