import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtAppDir, builtClientDir, builtServerEntry } from '../../support/builtApp';
import { startTestServer, type TestServer } from '../../support/startTestServer';
import { sendRawRequest } from './sendRawRequest';

// Request targets that try to reach files outside dist/client. Each goes on the
// wire byte for byte (node:net), because fetch and node:http would normalise
// dot segments or refuse some bytes before the server ever saw them. Relative
// to dist/client, the real files around it are ../server/main.js (the server
// bundle), ../../node_modules (a link to the repo's), and /etc/passwd.
const CORPUS: readonly string[] = [
  '/../package.json',
  '/../../package.json',
  '/../../../../../../../../etc/passwd',
  '/..%2fpackage.json',
  '/..%2f..%2fpackage.json',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
  '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/.%2e/server/main.js',
  '/%2e./server/main.js',
  '/%2e/%2e%2e/server/main.js',
  '/%252e%252e/%252e%252e/etc/passwd',
  '/%252e%252e%252fserver%252fmain.js',
  '/..%252f..%252fpackage.json',
  '/..\\..\\package.json',
  '/..\\server\\main.js',
  '/%5c..%5cpackage.json',
  '/%5c..%5c..%5cetc%5cpasswd',
  '/..%5c..%5cpackage.json',
  '/%2e%2e%5c',
  '/%2e%2e%5cserver%5cmain.js',
  '/index.html%00.js',
  '/%00',
  '/%00/../package.json',
  '/..%00/server/main.js',
  '/..%0d%0a/server/main.js',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '/%c0%ae%c0%ae%c0%afserver%c0%afmain.js',
  '/%e0%80%ae%e0%80%ae/server/main.js',
  '/%u002e%u002e/server/main.js',
  '/%E2%80%A4%E2%80%A4/server/main.js',
  '/%EF%BC%8E%EF%BC%8E/server/main.js',
  '/\u2024\u2024/server/main.js',
  '/\uff0e\uff0e/server/main.js',
  '//etc/passwd',
  '///etc/passwd',
  '/%2f%2fetc/passwd',
  '/./index.html/../../server/main.js',
  '/index.html/../../server/main.js',
  '/favicon.svg/..%2f..%2fserver%2fmain.js',
  '/./../server/main.js',
  '/....//....//etc/passwd',
  '/..../server/main.js',
  '/..;/server/main.js',
  '/..;/..;/etc/passwd',
  '/.env',
  '/.git/config',
  '/.git/HEAD',
  '/.well-known/../.env',
  '/.well-known/%2e%2e/.env',
  '/dist/server/main.js',
  '/../server/main.js',
  '/../server/main.js.map',
  '/server/main.js',
  '/asset-manifest.json',
  '/asset-manifest.json%00',
  '/../../node_modules/pino/package.json',
  '/node_modules/pino/package.json',
  '/../../node_modules/.package-lock.json',
  '/etc/passwd',
  '/proc/self/environ',
  '/../../../../proc/self/environ',
  'http://evil/../../etc/passwd',
  'http://127.0.0.1/../server/main.js',
  'http://127.0.0.1/%2e%2e/server/main.js',
  '*',
  '/?/../../package.json',
  '/#/../../server/main.js',
  `/${'a/'.repeat(2000)}${'../'.repeat(2001)}etc/passwd`,
  `/${'a'.repeat(8000)}`,
  `/${'x'.repeat(20_000)}`,
];

/** Refusals we accept: bad request, not found, method not allowed, and Node's own 431 for a target past its header limit. */
const REJECTED = [400, 404, 405, 431];

/** Text that exists only outside dist/client, each with the real file that holds it. */
function outsideMarkers(): { readonly marker: string; readonly file: string }[] {
  const markers = [
    { marker: '"name": "twelvepack"', file: join(__dirname, '..', '..', '..', 'package.json') },
    { marker: 'createServer', file: builtServerEntry() },
    { marker: 'No client build found', file: builtServerEntry() },
    { marker: '"name": "pino"', file: join(builtAppDir(), 'node_modules', 'pino', 'package.json') },
  ];
  return existsSync('/etc/passwd') ? [...markers, { marker: 'root:', file: '/etc/passwd' }] : markers;
}

/** Every file in dist/client, by path relative to it. */
function clientFiles(): Map<string, Buffer> {
  const dir = builtClientDir();
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), readFileSync(path));
    }
  }
  return files;
}

const label = (target: string) => JSON.stringify(target.length > 70 ? `${target.slice(0, 60)}…(${target.length} chars)` : target);

describe('hostile request targets', () => {
  let server: TestServer;
  /** What the server may legitimately send with 200: a file of dist/client, or index.html as rendered. */
  let publicBodies: Map<string, Buffer>;

  beforeAll(async () => {
    server = await startTestServer();
    const index = await sendRawRequest(server.url, { target: '/' });
    expect(index.status).toBe(200);
    publicBodies = new Map([...clientFiles(), ['index.html (rendered)', index.body]]);
  });
  afterAll(async () => {
    await server.close();
  });

  it('are judged against markers that really are outside dist/client and nowhere inside it', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    for (const { marker, file } of outsideMarkers()) {
      expect({ file, holdsMarker: readFileSync(file, 'utf8').includes(marker) }).toEqual({ file, holdsMarker: true });
      for (const [name, body] of publicBodies) expect({ name, marker, found: body.includes(marker) }).toEqual({ name, marker, found: false });
    }
  });

  it.each(CORPUS.map((target) => [label(target), target]))('GET %s never answers with content from outside dist/client', async (_label, target) => {
    const res = await sendRawRequest(server.url, { target, headers: { Accept: 'text/html,*/*;q=0.8' } });
    if (res.status === 200) {
      const servedFile = [...publicBodies].find(([, body]) => body.equals(res.body))?.[0];
      expect({ status: res.status, servedFile }).toEqual({ status: 200, servedFile: expect.any(String) });
    } else {
      expect(REJECTED).toContain(res.status);
    }
    const body = res.body.toString('latin1');
    for (const { marker } of outsideMarkers()) expect({ marker, found: body.includes(marker) }).toEqual({ marker, found: false });
  });

  it('leave the server up and answering /healthz, with no request having failed inside it', async () => {
    const res = await sendRawRequest(server.url, { target: '/healthz' });
    expect(res.status).toBe(200);
    expect(server.logs.filter((line) => line.msg === 'request failed' || Number(line.level) >= 50)).toEqual([]);
  });
});
