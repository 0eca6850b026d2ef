// `twelvepack dev` on the toolkit's React fixture: the API restarts without a failed request, and the errors a
// person meets first say what to do next.
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startDevServer, type DevServer } from '../../src/testing/startDevServer';
import { copyFixtureApp } from '../support/copyFixtureApp';
import { PACKAGE_DIR } from '../support/packedToolkit';
import { runCommand } from '../support/runCommand';

const BIN = join(PACKAGE_DIR, 'src', 'cli', 'twelvepack.js');

describe('twelvepack dev', () => {
  let app = '';
  beforeAll(() => {
    app = copyFixtureApp('react-app');
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  describe('while running', () => {
    let dev: DevServer | undefined;
    beforeAll(async () => {
      dev = await startDevServer(app);
    }, 180_000);
    afterAll(async () => dev?.stop());

    it('answers every request while the API restarts after a server edit (polled every 20 ms, no non-2xx), then with the new code', async () => {
      const answers: number[] = [];
      let message = '';
      const file = join(app, 'src', 'server', 'hello.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replace('version 1', 'version 2'));
      const started = Date.now();
      while (message !== 'hello, version 2' && Date.now() - started < 60_000) {
        const response = await fetch(`${dev!.url}/api/hello`);
        answers.push(response.status);
        message = ((await response.json()) as { message: string }).message;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(message).toBe('hello, version 2');
      expect(answers.filter((status) => status < 200 || status > 299)).toEqual([]);
    }, 90_000);

    it('says one thing when src/app.ts breaks: fix it and save, the dev server restarts', async () => {
      const manifest = join(app, 'src', 'app.ts');
      const good = readFileSync(manifest, 'utf8');
      const before = dev!.output().length;
      writeFileSync(manifest, `${good}\nconst broken = ;\n`);
      try {
        const started = Date.now();
        while (!dev!.output().includes('dev server restarts', before) && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
        const said = dev!.output().slice(before);
        expect(said).toContain('the app could not be loaded');
        expect(said).toContain('Fix it and save: the dev server restarts.');
        expect(said).not.toContain('run the command again');
        // The last good session keeps serving.
        expect((await fetch(`${dev!.url}/api/hello`)).status).toBe(200);
      } finally {
        writeFileSync(manifest, good);
      }
    }, 60_000);
  });

  describe('on a port another process holds', () => {
    let holder: Server;
    let port = 0;
    beforeAll(async () => {
      holder = createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      port = (holder.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

    it("exits 1 with `npm start`'s message, no stack, and starts nothing", async () => {
      const result = await runCommand(process.execPath, [BIN, 'dev'], { cwd: app, env: { PORT: String(port), HOST: '127.0.0.1' }, timeoutMs: 60_000 });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`Port ${port} is already in use: stop the other process or set PORT to a free port.`);
      expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      // Nothing was started before the check: no API process came up to listen.
      expect(result.output).not.toMatch(/listening/);
    });
  });
});
