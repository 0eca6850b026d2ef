// Make it yours: "Add a public variable". The one file edited: src/app.ts (a row
// in its variables table, exposure 'public'); then `npm run env:example`
// regenerates the browser types (src/client/public-env.d.ts) from it, as the
// README tells. The files written under src/client/ below are the browser code
// that reads it, not part of the task.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { editFile } from '../support/editFile';
import { buildProject, runTwelvepack } from '../support/runTwelvepack';

const VARIABLE = `  variables: [
    {
      name: 'PUBLIC_SUPPORT_EMAIL',
      type: 'string',
      default: 'support@example.com',
      exposure: 'public',
      doc: 'Address the page offers for help.',
    },
`;

/** The copy's browser type-check, `tsc -p src/client/tsconfig.json`, with the repository's TypeScript. */
function typeCheckClient(project: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/client/tsconfig.json'], { cwd: project }, (error, stdout, stderr) =>
      resolve({ ok: error === null, output: stdout + stderr }),
    );
  });
}

describe('Make it yours: add a public variable (edit src/app.ts, then npm run env:example)', () => {
  let project: string | undefined;

  beforeAll(async () => {
    project = copyProject();
    editFile(project, 'src/app.ts', '  variables: [\n', VARIABLE);
    // What `npm run env:example` runs.
    const generated = await runTwelvepack(project, 'env:example');
    if (generated.code !== 0) throw new Error(`twelvepack env:example failed:\n${generated.output}`);
  });

  afterAll(() => {
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it('is typed for browser code: publicConfig.PUBLIC_SUPPORT_EMAIL type-checks with the client tsconfig', async () => {
    writeFileSync(
      join(project!, 'src/client/supportLink.ts'),
      "import { publicConfig } from 'twelvepack/client';\n\nexport const supportHref: string = `mailto:${publicConfig.PUBLIC_SUPPORT_EMAIL}`;\n",
    );
    const result = await typeCheckClient(project!);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('rejects a misspelt name (publicConfig.PUBLIC_SUPORT_EMAIL) at type-check time', async () => {
    const file = join(project!, 'src/client/misspelt.ts');
    writeFileSync(file, "import { publicConfig } from 'twelvepack/client';\n\nexport const supportHref: string = `mailto:${publicConfig.PUBLIC_SUPORT_EMAIL}`;\n");
    try {
      const result = await typeCheckClient(project!);
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/misspelt\.ts\(3,\d+\): error TS\d+: Property 'PUBLIC_SUPORT_EMAIL' does not exist/);
    } finally {
      rmSync(file);
    }
  });

  describe("at serve time, from the server's environment (the build used the defaults)", () => {
    let server: SpawnedServer | undefined;
    let html: string;

    beforeAll(async () => {
      await buildProject(project!);
      server = spawnServer({ dir: project!, env: { PUBLIC_APP_NAME: 'Support Desk', PUBLIC_SUPPORT_EMAIL: 'help@runtime.example' } });
      html = await (await fetch(`${await server.ready()}/`)).text();
    });

    afterAll(() => server?.kill());

    it("shows the template's public variable (PUBLIC_APP_NAME) in <title> before any script runs", () => {
      expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe('Support Desk');
    });

    it("hands the new variable's value to publicConfig in the page itself", () => {
      // The runtime config the server embeds before the bundle: what publicConfig reads first.
      const embedded = /<script>window\.__TWELVEPACK_ENV__=(\{.*?\});<\/script>/.exec(html)?.[1];
      expect(embedded).toBeDefined();
      expect(JSON.parse(embedded!)).toMatchObject({ PUBLIC_SUPPORT_EMAIL: 'help@runtime.example', PUBLIC_APP_NAME: 'Support Desk' });
    });
  });
});
