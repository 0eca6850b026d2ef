import { createServer } from 'node:net';

/** A port on 127.0.0.1 that was free a moment ago, for servers that cannot take port 0 (redis-server, a dev server's fixed PORT). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
