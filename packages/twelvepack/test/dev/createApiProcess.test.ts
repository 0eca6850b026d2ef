import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtServerEntry } from '../support/builtApp';

const TOOLKIT = join(__dirname, '..', '..');

/** A parent process that runs the fixture's built server through createApiProcess, as `twelvepack dev` does, and prints its URL. */
function startParent(): ChildProcess {
  const script = [
    `require(${JSON.stringify(join(TOOLKIT, 'src', 'cli', 'registerTypeScript.js'))});`,
    `const { createApiProcess } = require(${JSON.stringify(join(TOOLKIT, 'src', 'dev', 'createApiProcess.ts'))});`,
    `const api = createApiProcess({ entry: ${JSON.stringify(builtServerEntry())}, env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', SERVE_CLIENT: 'false', SQLITE_PATH: ${JSON.stringify(join(mkdtempSync(join(tmpdir(), 'twelvepack-api-')), 'kv.sqlite'))} }, write: () => {} });`,
    "api.restart().then(() => console.log('API ' + api.url()));",
    'setInterval(() => {}, 1000);',
  ].join('\n');
  return spawn(process.execPath, ['-e', script], { cwd: TOOLKIT, stdio: ['ignore', 'pipe', 'inherit'] });
}

const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 20_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe("the dev server's API process", () => {
  it('stops by itself when its parent dies, even by SIGKILL, and leaves nothing listening', async () => {
    const parent = startParent();
    let output = '';
    parent.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await until(async () => /API (http:\S+)/.test(output), 'the API process did not start');
      const url = /API (http:\S+)/.exec(output)![1]!;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      parent.kill('SIGKILL');
      await until(async () => (await fetch(`${url}/healthz`).then(() => false, () => true)), 'the API process still answers after its parent was killed');
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
