import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './freePort';

/** This copy of the toolkit's command line (src/cli in a checkout, dist/cli when installed). */
const TWELVEPACK_BIN = join(__dirname, '..', 'cli', 'twelvepack.js');

/** A running `npm run dev` in a copied project. */
export interface DevServer {
  /** The address it printed, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Everything it wrote so far. */
  output(): string;
  /** Ctrl-C (SIGINT), then SIGKILL if it has not exited within 10 s; resolves once it is gone. */
  stop(): Promise<void>;
}

/**
 * Starts `twelvepack dev` in the app's folder on a free port and waits for its ready line
 * and for the API process behind it to answer /readyz through the dev server's origin.
 * The test must stop it (in afterAll).
 */
export async function startDevServer(app: string, env: Readonly<Record<string, string>> = {}, timeoutMs = 120_000): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [TWELVEPACK_BIN, 'dev'], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (gone()) return;
    child.kill('SIGINT');
    const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  };

  try {
    const started = Date.now();
    let url: string | undefined;
    while (Date.now() - started < timeoutMs) {
      if (gone()) throw new Error(`twelvepack dev exited before it was ready:\n${output}`);
      url ??= /dev server ready at (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined && (await fetch(`${url}/readyz`).then((res) => res.status, () => 0)) === 200) {
        return { url, output: () => output, stop };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`twelvepack dev was not ready within ${timeoutMs} ms:\n${output}`);
  } catch (error) {
    await stop();
    throw error;
  }
}
