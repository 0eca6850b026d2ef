import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** A server's open connections, and which of them are between requests (idle keep-alive). */
export interface ConnectionTracker {
  /** The connections with no request in flight now. */
  idle(): Socket[];
  /** Whether a connection has no request in flight. */
  isIdle(socket: Socket): boolean;
  /** Calls `listener` each time a connection's last request in flight ends (it becomes idle). */
  onIdle(listener: (socket: Socket) => void): void;
}

/**
 * Counts each connection's requests in flight, from the server's own events
 * (Node tracks this too, but only exposes "close the idle ones, now"). Call it
 * before the server listens.
 */
export function trackConnections(server: Server): ConnectionTracker {
  const inFlight = new Map<Socket, number>();
  const listeners: ((socket: Socket) => void)[] = [];
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    if (!inFlight.has(socket)) return;
    inFlight.set(socket, inFlight.get(socket)! + 1);
    res.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (!inFlight.has(socket)) return;
      inFlight.set(socket, left);
      if (left === 0) for (const listener of listeners) listener(socket);
    });
  });
  return {
    idle: () => [...inFlight].filter(([, count]) => count === 0).map(([socket]) => socket),
    isIdle: (socket) => inFlight.get(socket) === 0,
    onIdle: (listener) => listeners.push(listener),
  };
}
