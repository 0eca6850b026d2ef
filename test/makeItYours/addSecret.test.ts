// Make it yours: "Add a secret". The one file edited: src/app.ts (a row in its
// variables table, exposure 'secret'). The plant in src/client/main.ts below is
// not the task: it is the bug the leak guard must catch (a key pasted into browser code).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { editFile } from '../support/editFile';
import { runTwelvepack, type CliResult } from '../support/runTwelvepack';

const SECRET_VARIABLE = `  variables: [
    {
      name: 'PAYMENT_ACCOUNT_ID',
      type: 'string',
      exposure: 'secret',
      doc: 'Account of the payment provider; server code only.',
    },
`;

/** The key's value in the build's environment; it must never be printed. */
const KEY = 'pay_live_4c1d9e0b7a2f46e8b3d5';

describe('Make it yours: add a secret (edit src/app.ts)', () => {
  let project: string | undefined;

  beforeAll(() => {
    project = copyProject();
    editFile(project, 'src/app.ts', '  variables: [\n', SECRET_VARIABLE);
  });

  afterAll(() => {
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it('fails a build whose browser code holds its value, naming PAYMENT_ACCOUNT_ID, never printing the value, writing no dist/client', async () => {
    const main = join(project!, 'src/client/main.ts');
    const original = readFileSync(main, 'utf8');
    writeFileSync(main, `${original}\ndocument.documentElement.dataset.paymentKey = '${KEY}';\n`);
    try {
      const build = await runTwelvepack(project!, 'build', { PAYMENT_ACCOUNT_ID: KEY });
      expect(build.code).not.toBe(0);
      expect(build.output).toMatch(/Leak guard: \S+ contains the value of PAYMENT_ACCOUNT_ID/);
      expect(build.output).not.toContain(KEY);
      expect(existsSync(join(project!, 'dist/client'))).toBe(false);
    } finally {
      writeFileSync(main, original);
    }
  });

  describe('without the plant, with PAYMENT_ACCOUNT_ID in the environment', () => {
    let build: CliResult;
    let server: SpawnedServer | undefined;

    beforeAll(async () => {
      build = await runTwelvepack(project!, 'build', { PAYMENT_ACCOUNT_ID: KEY });
    });

    afterAll(() => server?.kill());

    it('passes the same build, never printing the value', () => {
      expect(build.output).not.toContain(KEY);
      expect(build.code).toBe(0);
      expect(existsSync(join(project!, 'dist/client/index.html'))).toBe(true);
    });

    // PAYMENT_ACCOUNT_ID does not look like a credential by its name: only its declaration makes it a secret,
    // so the leak guard's catch above and this redaction both come from the edit of src/app.ts.
    it('is read by the server as a declared secret: its log line shows it redacted, never its value', async () => {
      server = spawnServer({ dir: project!, env: { PAYMENT_ACCOUNT_ID: KEY } });
      await server.ready();
      const listening = await server.waitForLog((line) => line.msg === 'listening');
      expect(listening.config).toMatchObject({ PAYMENT_ACCOUNT_ID: '[redacted]' });
      expect(JSON.stringify(server.logs) + server.stderr()).not.toContain(KEY);
    });
  });
});
