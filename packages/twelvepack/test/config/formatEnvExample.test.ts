import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { formatEnvExample } from '../../src/config/formatEnvExample';
import { schema } from '../../src/config/schema';

const committed = readFileSync(join(__dirname, '..', '..', '..', '..', '.env.example'), 'utf8');

describe('.env.example', () => {
  it('is exactly what the schema generates (regenerate it from formatEnvExample if this fails)', () => {
    expect(committed).toBe(formatEnvExample());
  });

  it('declares every schema variable, in order, and nothing else', () => {
    const names = [...committed.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect(names).toEqual(schema.map((spec) => spec.name));
  });

  it('gives each variable its default, so copying it to .env changes nothing', () => {
    const values = parse(committed);
    for (const spec of schema) {
      if ('default' in spec) expect(values[spec.name]).toBe(spec.default);
      else expect(values[spec.name]).toBeUndefined();
    }
  });

  it('marks each public variable as public', () => {
    for (const spec of schema.filter((s) => s.exposure === 'public')) {
      expect(committed).toMatch(new RegExp(`\\(PUBLIC: [^)]*\\)\\n#? ?${spec.name}=`));
    }
  });
});
