import { parse } from 'dotenv';
import { formatEnvExample } from '../../src/config/formatEnvExample';
import { schema as toolkitSchema, type VarSpec } from '../../src/config/schema';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

// What an app's `npm run env:example` writes: the toolkit's variables, then the app's.
const schema: readonly VarSpec[] = [...toolkitSchema, ...FIXTURE_VARIABLES];
const example = formatEnvExample(schema);

describe('formatEnvExample', () => {
  it('declares every variable, in order, and nothing else', () => {
    const names = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect(names).toEqual(schema.map((spec) => spec.name));
  });

  it('gives each variable its default, so copying it to .env changes nothing', () => {
    const values = parse(example);
    for (const spec of schema) {
      if ('default' in spec) expect(values[spec.name]).toBe(spec.default);
      else expect(values[spec.name]).toBeUndefined();
    }
  });

  it('marks each public variable as public', () => {
    for (const spec of schema.filter((s) => s.exposure === 'public')) {
      expect(example).toMatch(new RegExp(`\\(PUBLIC: [^)]*\\)\\n#? ?${spec.name}=`));
    }
  });
});
