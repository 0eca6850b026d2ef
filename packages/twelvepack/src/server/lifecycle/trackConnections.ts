import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** A server's open connections, and whether each is between requests (idle keep-alive). */
export interface ConnectionTracker {
  /** Every open connection. */
  all(): Socket[];
  /** Whether a connection has no response in progress. */
  isIdle(socket: Socket): boolean;
}

/** A socket as Node's HTTP server leaves it: `_httpMessage` is the response in progress, null between requests. */
type ServerSocket = Socket & { _httpMessage?: unknown };

/**
 * The server's open connections, from its `connection` events: one listener
 * per connection, nothing per request (the hot path). Whether one is idle is
 * what Node's server itself records on the socket (as http-terminator and
 * stoppable read it): Node exposes only "close the idle ones, now". Call it
 * before the server listens.
 */
export function trackConnections(server: Server): ConnectionTracker {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return {
    all: () => [...open],
    isIdle: (socket) => !(socket as ServerSocket)._httpMessage,
  };
}
