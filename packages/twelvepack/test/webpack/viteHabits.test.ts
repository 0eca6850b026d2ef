// What a Vite app brings: assets imported by their served path, `import.meta.env`. Real builds of the fixture.
import { runFixtureBuild } from './runFixtureBuild';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n';

describe('an import of a public file by its served path (`/logo.svg`)', () => {
  it("is that file's URL, and the file is served once, as it is (not emitted again under a hash)", async () => {
    const build = await runFixtureBuild({
      bundle: 'modern',
      entry: './src/logos.ts',
      files: {
        'public/logo.svg': SVG,
        'src/local.svg': SVG,
        'src/logos.ts': "import logo from '/logo.svg';\nimport local from './local.svg';\ndocument.body.dataset.out = `${logo} ${local}`;\n",
      },
    });
    expect(build.errors).toEqual([]);
    const main = build.read(build.files.find((file) => /^main\.\w+\.js$/.test(file))!);
    expect(main).toContain('"logo.svg"');
    expect(build.files.filter((file) => file.includes('logo'))).toEqual(['logo.svg']);
    expect(build.files.filter((file) => /^assets\/local\.[0-9a-f]{8}\.svg$/.test(file))).toHaveLength(1);
  });
});

describe("Vite's import.meta.env", () => {
  it.each([
    ['import.meta.env.MODE', 'document.title = String(import.meta.env.MODE);\n'],
    ['import.meta.env as a whole', 'document.title = String(import.meta.env);\n'],
    ['import.meta.env as an alias', 'const env = import.meta.env;\ndocument.title = String(env);\n'],
  ])('fails the build (%s), naming the module and publicConfig', async (_what, source) => {
    const build = await runFixtureBuild({ bundle: 'modern', entry: './src/vite.ts', files: { 'src/vite.ts': source } });
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toContain('src/vite.ts');
    expect(build.errors[0]).toContain("import.meta.env is Vite's");
    expect(build.errors[0]).toContain("import { publicConfig } from 'twelvepack/client'");
  });
});
