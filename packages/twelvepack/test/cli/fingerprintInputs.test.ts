import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VarSpec } from '../../src/config/schema';
import { schema as toolkitSchema } from '../../src/config/schema';
import { fingerprintInputs } from '../../src/cli/fingerprintInputs';
import { useTempDir } from '../support/useTempDir';

/** The schema as the config module loads it for an app that declares one variable of its own. */
const schema: readonly VarSpec[] = [...toolkitSchema, { name: 'GREETING', type: 'string', default: 'hello', exposure: 'server', doc: 'A greeting.' }];

describe('fingerprintInputs', () => {
  const temp = useTempDir('twelvepack-fingerprint-');
  const project = () => {
    const root = temp.path();
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'main.ts'), 'console.log(1);\n');
    writeFileSync(join(root, 'package.json'), '{}');
    // An undeclared name in .env.example: the names come from the loaded schema, never from this file.
    writeFileSync(join(root, '.env.example'), '# GREETING=\n# STRAY_SETTING=\n');
    return root;
  };

  it('is the same for the same files and environment', () => {
    const root = project();
    expect(fingerprintInputs(root, schema, { GREETING: 'hi' })).toBe(fingerprintInputs(root, schema, { GREETING: 'hi' }));
    expect(fingerprintInputs(root, schema, {})).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when a declared app variable's value changes", () => {
    const root = project();
    expect(fingerprintInputs(root, schema, { GREETING: 'hi' })).not.toBe(fingerprintInputs(root, schema, { GREETING: 'hello there' }));
  });

  it("changes when a toolkit variable's value changes", () => {
    const root = project();
    expect(fingerprintInputs(root, schema, {})).not.toBe(fingerprintInputs(root, schema, { SOURCE_MAPS: 'none' }));
  });

  it('changes when a PUBLIC_ variable is set, declared or not (a build may inline it)', () => {
    const root = project();
    expect(fingerprintInputs(root, schema, {})).not.toBe(fingerprintInputs(root, schema, { PUBLIC_SOMETHING: 'x' }));
  });

  it('does not change for an undeclared variable, even one .env.example mentions', () => {
    const root = project();
    const before = fingerprintInputs(root, schema, { GREETING: 'hi' });
    expect(fingerprintInputs(root, schema, { GREETING: 'hi', STRAY_SETTING: 'x', npm_lifecycle_event: 'heroku-postbuild' })).toBe(before);
  });

  it('changes when a source file or a .env file changes', () => {
    const root = project();
    const before = fingerprintInputs(root, schema, {});
    writeFileSync(join(root, 'src', 'main.ts'), 'console.log(2);\n');
    const edited = fingerprintInputs(root, schema, {});
    expect(edited).not.toBe(before);
    writeFileSync(join(root, '.env'), 'GREETING=hey\n');
    expect(fingerprintInputs(root, schema, {})).not.toBe(edited);
  });
});
