import { Agent, request } from 'node:http';

/** Marks a failure on a connection the load had just opened (no earlier answer on it): `ECONNRESET (new connection)`. */
export const NEW_CONNECTION = ' (new connection)';

/** What a load run saw: answers by status, and failures by their error code. */
export interface LoadResult {
  readonly answered: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: Readonly<Record<string, number>>;
}

/** A running load: `stop()` lets the requests in flight end, then returns the counts. */
export interface KeepAliveLoad {
  /** Answers so far. */
  answered(): number;
  stop(): Promise<LoadResult>;
}

/**
 * Keeps `connections` keep-alive connections busy with GET `path`, each sending
 * its next request as soon as the last answer arrives (as wrk does). Counts
 * every answer by status and every failure by its error code: ECONNREFUSED is
 * a connection the server never accepted; ECONNRESET or "socket hang up", a
 * request it dropped, or, marked NEW_CONNECTION, a connection reset before
 * the server took it. Never timings.
 */
export function startKeepAliveLoad(url: string, { connections = 8, path = '/api/greeting' } = {}): KeepAliveLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const statuses: Record<string, number> = {};
  const errors: Record<string, number> = {};
  let answered = 0;
  let stopped = false;

  const once = () =>
    new Promise<void>((resolve) => {
      const req = request(`${url}${path}`, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          answered += 1;
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          resolve();
        });
        res.on('error', (error: NodeJS.ErrnoException) => {
          errors[error.code ?? error.message] = (errors[error.code ?? error.message] ?? 0) + 1;
          resolve();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // On a new connection, the request never reached a server that had answered on it before.
        const key = `${error.code ?? error.message}${req.reusedSocket ? '' : NEW_CONNECTION}`;
        errors[key] = (errors[key] ?? 0) + 1;
        resolve();
      });
      req.end();
    });

  const loop = async () => {
    while (!stopped) {
      await once();
      // A refused connection means the server is gone: wait a little instead of spinning.
      if ((errors[`ECONNREFUSED${NEW_CONNECTION}`] ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const loops = Array.from({ length: connections }, loop);

  return {
    answered: () => answered,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      agent.destroy();
      return { answered, statuses: { ...statuses }, errors: { ...errors } };
    },
  };
}
