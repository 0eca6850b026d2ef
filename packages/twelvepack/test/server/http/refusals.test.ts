import type { Socket } from 'node:net';
import { CLIENT_ERRORS_PATH } from '../../../src/server/api/createClientErrorHandler';
import { connectRaw, parseHead } from './connectRaw';
import { ADMIN_TOKEN, SLOW_REFUSAL_PATH, startApiServer, UPLOAD_PATH, waitFor, type ApiServer } from './startApiServer';

const DECLARED = 200 * 1024 * 1024;
/** Far less than the declared body: what a refusal may read before the connection closes (kernel buffers, a chunk in flight). */
const READ_AT_MOST = 4 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** The server side of each connection, to read how many bytes it took in. */
function serverSockets(server: ApiServer): Socket[] {
  const sockets: Socket[] = [];
  server.server.on('connection', (socket: Socket) => sockets.push(socket));
  return sockets;
}

/**
 * Sends a request head declaring a 200 MiB body and keeps writing that body
 * as fast as the socket takes it, until the server closes the connection or
 * the whole body is written (then waits a second more for a close).
 */
async function refusedUpload(server: ApiServer, head: string, body: Buffer = CHUNK) {
  const sockets = serverSockets(server);
  const client = await connectRaw(server.port);
  client.write(head);
  client.pump(body, DECLARED);
  const sentAll = waitFor(() => client.written() >= DECLARED, 'the whole body to be written', 20_000).then(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  const closedByServer = await Promise.race([client.closed.then(() => true), sentAll.then(() => false)]);
  client.socket.destroy();
  await waitFor(() => sockets.length === 1 && sockets[0]!.destroyed, 'the server side to close');
  return { response: parseHead(client.received()), closedByServer, written: client.written(), serverRead: sockets[0]!.bytesRead };
}

describe('a refusal sent before the request body was read', () => {
  let server: ApiServer;
  beforeEach(async () => {
    server = await startApiServer();
  });
  afterEach(() => server.close());

  it.each([
    ['401 from the admin API without a token', `PUT /api/admin/kv/k HTTP/1.1\r\nHost: test\r\nContent-Length: ${DECLARED}\r\n\r\n`, 401],
    [
      '413 from the admin API for a declared body over its limit',
      `PUT /api/admin/kv/k HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Length: ${DECLARED}\r\n\r\n`,
      413,
    ],
    ['415 from the error reports for a body of the wrong type', `POST ${CLIENT_ERRORS_PATH} HTTP/1.1\r\nHost: test\r\nContent-Type: image/png\r\nContent-Length: ${DECLARED}\r\n\r\n`, 415],
    ['405 for a method the path does not take', `POST /healthz HTTP/1.1\r\nHost: test\r\nContent-Length: ${DECLARED}\r\n\r\n`, 405],
  ])('%s carries Connection: close, and the server closes without reading the body', async (_name, head, status) => {
    const { response, closedByServer, written, serverRead } = await refusedUpload(server, head);
    expect(response?.status).toBe(status);
    expect(response?.headers.connection).toBe('close');
    expect(closedByServer).toBe(true);
    expect(serverRead).toBeLessThan(READ_AT_MOST);
    expect(written).toBeLessThan(DECLARED);
  });

  it('413 found while reading a chunked body closes the connection too, instead of reading the rest', async () => {
    const chunk = Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]);
    const head = `PUT /api/admin/kv/k HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const { response, closedByServer, serverRead } = await refusedUpload(server, head, chunk);
    expect(response?.status).toBe(413);
    expect(response?.headers.connection).toBe('close');
    expect(closedByServer).toBe(true);
    expect(serverRead).toBeLessThan(READ_AT_MOST);
  });

  it('a body found too large is left unread while the handler takes its time to answer', async () => {
    const chunk = Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]);
    const head = `PUT ${SLOW_REFUSAL_PATH} HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const { response, closedByServer, serverRead } = await refusedUpload(server, head, chunk);
    expect(response?.status).toBe(413);
    expect(closedByServer).toBe(true);
    expect(serverRead).toBeLessThan(READ_AT_MOST);
  });

  it('429 from the error reports, once a client has sent its share, closes the connection', async () => {
    const report = JSON.stringify({ errors: [{ kind: 'error', message: 'x' }] });
    for (let i = 0; i < 30; i += 1) {
      const res = await fetch(`${server.url}${CLIENT_ERRORS_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: report });
      expect(res.status).toBe(204);
    }
    const head = `POST ${CLIENT_ERRORS_PATH} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${DECLARED}\r\n\r\n`;
    const { response, closedByServer, serverRead } = await refusedUpload(server, head);
    expect(response?.status).toBe(429);
    expect(response?.headers.connection).toBe('close');
    expect(closedByServer).toBe(true);
    expect(serverRead).toBeLessThan(READ_AT_MOST);
  });

  it('fetch still reads the refusal while it uploads', async () => {
    const res = await fetch(`${server.url}/api/admin/kv/k`, { method: 'PUT', body: new Uint8Array(8 * 1024 * 1024) });
    expect(res.status).toBe(401);
    expect(res.headers.get('connection')).toBe('close');
  });
});

describe('an answer after the body was read', () => {
  let server: ApiServer;
  beforeEach(async () => {
    server = await startApiServer();
  });
  afterEach(() => server.close());

  it.each([
    ['an upload read whole', `PUT ${UPLOAD_PATH} HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello`, 200],
    ['a request with no body', 'GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n', 200],
    ['a refusal of a request with an empty body', 'PUT /api/admin/kv/k HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n', 401],
  ])('%s keeps the connection open for the next request', async (_name, request, status) => {
    const client = await connectRaw(server.port);
    client.write(request);
    await waitFor(() => parseHead(client.received()) !== undefined, 'the response');
    const response = parseHead(client.received())!;
    expect(response.status).toBe(status);
    expect(response.headers.connection).toBe('keep-alive');
    client.write('GET /healthz HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n');
    await client.closed;
    expect(client.received().toString('latin1').match(/HTTP\/1\.1 \d{3} /g)).toHaveLength(2);
  });
});
