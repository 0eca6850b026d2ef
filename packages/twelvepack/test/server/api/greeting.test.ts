import { startTestServer, type TestServer } from '../../support/startTestServer';

const APP_NAME = 'Greeting Probe Shop';

describe('GET /api/greeting', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ publicEnv: { NODE_ENV: 'production', PUBLIC_APP_NAME: APP_NAME, PUBLIC_TAGLINE: 'Testing' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers JSON greeting with the app name given to the server factory, and the serving process id', async () => {
    const res = await fetch(`${server.url}/api/greeting`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ greeting: `Hello from the ${APP_NAME} server`, servedBy: process.pid });
  });

  it('is never cached', async () => {
    expect((await fetch(`${server.url}/api/greeting`)).headers.get('cache-control')).toBe('no-store');
  });

  it('ignores a query string', async () => {
    const res = await fetch(`${server.url}/api/greeting?lang=fr`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expect.objectContaining({ greeting: `Hello from the ${APP_NAME} server` }));
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${server.url}/api/greeting`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('answers %s with 405 and Allow: GET, HEAD', async (method) => {
    const res = await fetch(`${server.url}/api/greeting`, { method, body: method === 'DELETE' ? undefined : '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.json()).toEqual({ error: 'Use GET, HEAD on /api/greeting.' });
  });
});
