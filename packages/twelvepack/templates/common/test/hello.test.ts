import type { IncomingMessage } from 'node:http';
import { hello } from '../src/server/hello';

/** The route's handler, called directly: what it answers for a given configuration. */
describe('GET /api/hello (src/server/hello.ts)', () => {
  it('answers JSON that names the app from the configuration, never cached', async () => {
    const context = { config: { PUBLIC_APP_NAME: 'Shop' } } as Parameters<typeof hello>[1];
    const answer = await hello({} as IncomingMessage, context);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    expect(JSON.parse(String(answer.body))).toEqual({ message: 'Hello from the Shop server' });
  });
});
