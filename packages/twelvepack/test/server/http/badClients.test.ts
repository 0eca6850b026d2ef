import { connectRaw, parseHead } from './connectRaw';
import { LARGE_PATH, startApiServer, UPLOAD_PATH, waitFor, type ApiServer } from './startApiServer';

/** Sends `bytes` on a fresh connection and waits until the server closes it; returns what came back. */
async function sendBad(server: ApiServer, bytes: string) {
  const client = await connectRaw(server.port);
  client.write(Buffer.from(bytes, 'latin1'));
  const { error } = await client.closed;
  return { response: parseHead(client.received()), error };
}

const rejections = (server: ApiServer) => server.logs.filter((line) => line.msg === 'request rejected');
const summaries = (server: ApiServer) => server.logs.filter((line) => line.msg === 'requests rejected, not logged one by one');

describe('requests the HTTP parser rejects', () => {
  let server: ApiServer;
  beforeEach(async () => {
    server = await startApiServer();
  });
  afterEach(() => server.close());

  it.each([
    ['a malformed header line', 'GET / HTTP/1.1\r\nHost: test\r\nNo colon here\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
    ['a smuggling attempt (Content-Length with Transfer-Encoding)', 'POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['two Content-Length headers', 'POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', 'HPE_UNEXPECTED_CONTENT_LENGTH'],
    ['TLS spoken to the HTTP port', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', 'HPE_INVALID_METHOD'],
  ])('%s gets 400 with Connection: close, and one warn line with the reason', async (_name, bytes, reason) => {
    const { response } = await sendBad(server, bytes);
    expect(response).toEqual({ status: 400, headers: { connection: 'close' } });
    await waitFor(() => rejections(server).length > 0, 'the log line');
    expect(rejections(server)).toEqual([
      expect.objectContaining({ level: 'warn', reason, status: 400, detail: expect.any(String), clientAddress: '127.0.0.1' }),
    ]);
  });

  it('headers over the size limit get 431, logged with HPE_HEADER_OVERFLOW', async () => {
    const { response } = await sendBad(server, `GET / HTTP/1.1\r\nHost: test\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(response).toEqual({ status: 431, headers: { connection: 'close' } });
    await waitFor(() => rejections(server).length > 0, 'the log line');
    expect(rejections(server)).toEqual([expect.objectContaining({ level: 'warn', reason: 'HPE_HEADER_OVERFLOW', status: 431 })]);
  });

  it('a burst of 100 bad requests is answered in full but logs at most 10 lines a second, then counts the rest', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => sendBad(server, 'G@T / HTTP/1.1\r\nHost: test\r\n\r\n')));
    expect(answers.map(({ response }) => response?.status)).toEqual(Array(100).fill(400));
    const accounted = () => rejections(server).length + summaries(server).reduce((sum, line) => sum + Number(line.count), 0);
    await waitFor(() => accounted() === 100, 'every rejection logged or counted');
    // One window of 10, or two if the burst straddled a second.
    expect(rejections(server).length).toBeLessThanOrEqual(20);
    expect(summaries(server).length).toBeGreaterThanOrEqual(1);
    expect(summaries(server)[0]).toEqual(expect.objectContaining({ level: 'warn', reasons: { HPE_INVALID_METHOD: expect.any(Number) } }));
  });

  it('a burst still logs its summary when the server closes before the second is over', async () => {
    await Promise.all(Array.from({ length: 20 }, () => sendBad(server, 'G@T / HTTP/1.1\r\nHost: test\r\n\r\n')));
    await server.close();
    expect(rejections(server).length + summaries(server).reduce((sum, line) => sum + Number(line.count), 0)).toBe(20);
  });
});

describe('a client that aborts an upload', () => {
  let server: ApiServer;
  beforeEach(async () => {
    server = await startApiServer();
  });
  afterEach(() => server.close());

  it.each([
    ['by closing its side (FIN)', 'end'],
    ['by resetting the connection (RST)', 'resetAndDestroy'],
  ] as const)('%s is one warn line saying the client went away, no error, and a request line claiming no status', async (_name, hangUp) => {
    const client = await connectRaw(server.port);
    client.write(`PUT ${UPLOAD_PATH} HTTP/1.1\r\nHost: test\r\nX-Request-ID: aborted-upload\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(1000)}`);
    await waitFor(() => client.socket.bytesWritten > 1000, 'the partial body to leave');
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.socket[hangUp]();
    await client.closed;
    await waitFor(() => server.logs.some((line) => line.msg === 'request' && line.requestId === 'aborted-upload'), 'the request line');

    expect(server.logs.filter((line) => line.requestId === 'aborted-upload')).toEqual([
      expect.objectContaining({ msg: 'client went away', level: 'warn', method: 'PUT', path: UPLOAD_PATH }),
      expect.objectContaining({ msg: 'request', level: 'info', aborted: true }),
    ]);
    for (const line of server.logs.filter((entry) => entry.requestId === 'aborted-upload')) expect(line).not.toHaveProperty('status');
    expect(server.logs.filter((line) => line.level === 'error' || line.level === 'fatal' || line.msg === 'request rejected')).toEqual([]);
  });

  it('that had its response started is logged with the status it was sent', async () => {
    const client = await connectRaw(server.port);
    client.socket.pause();
    client.write(`GET ${LARGE_PATH} HTTP/1.1\r\nHost: test\r\nX-Request-ID: cut-download\r\n\r\n`);
    // Paused, the client reads nothing itself, but the kernel takes in the head and the first megabytes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.socket.resetAndDestroy();
    await waitFor(() => server.logs.some((line) => line.msg === 'request' && line.requestId === 'cut-download'), 'the request line');
    expect(server.logs.filter((line) => line.requestId === 'cut-download')).toEqual([
      expect.objectContaining({ msg: 'client went away', level: 'warn', status: 200 }),
      expect.objectContaining({ msg: 'request', level: 'info', status: 200, aborted: true }),
    ]);
  });
});
