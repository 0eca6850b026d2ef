import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from 'twelvepack/testing';

/** Debian's redis-server (`apt-get install redis-server`). */
export const REDIS_SERVER = '/usr/bin/redis-server';

/** A real redis-server on 127.0.0.1 and a free port, saving nothing to disk. */
export interface TestRedis {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  /** Sends one command on a fresh connection; resolves with the reply's value (a bulk string, an integer or a status). */
  command(...args: string[]): Promise<string | null>;
  /** Stops it and waits until it is gone. */
  stop(): Promise<void>;
}

/** Starts redis-server and waits until it answers PING; the test must stop it. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const command = (...args: string[]) => sendCommand(port, args);
  const started = Date.now();
  for (;;) {
    if ((await command('PING').catch(() => undefined)) === 'PONG') return { url: `redis://127.0.0.1:${port}`, command, stop };
    if (Date.now() - started > 10_000 || child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server did not answer PING on port ${port} within 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One RESP command and its one reply: enough for PING, GET and the like (not arrays). */
function sendCommand(port: number, args: readonly string[]): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      const value = parseReply(reply);
      if (value === undefined) return;
      socket.end();
      if (value instanceof Error) reject(value);
      else resolve(value);
    });
    socket.on('error', reject);
    socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`);
  });
}

/** The reply's value once it is complete; undefined while more is to come. */
function parseReply(reply: string): string | null | Error | undefined {
  const end = reply.indexOf('\r\n');
  if (end === -1) return undefined;
  const head = reply.slice(1, end);
  if (reply[0] === '-') return new Error(`redis: ${head}`);
  if (reply[0] !== '$') return head;
  const length = Number(head);
  if (length < 0) return null;
  return reply.length < end + 2 + length + 2 ? undefined : reply.slice(end + 2, end + 2 + length);
}
