import { createServer } from 'node:net';

/** The dev server's port is taken: the message says what to do, as `npm start`'s does. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use: stop the other process or set PORT to a free port.`);
    this.name = 'PortInUseError';
  }
}

/**
 * Resolves when `host:port` can be listened on, and rejects with a PortInUseError when another process holds it.
 * Checked before the dev session starts anything: webpack-dev-server throws a listen error from inside its own
 * handler, where no caller can catch it, and the API process and the server build would be left running. Port 0
 * (any free port) is always free.
 */
export function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
