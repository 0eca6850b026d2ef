import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schema } from '../../src/config/schema';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe("the toolkit's README.md", () => {
  it.each(schema.map((spec) => [spec.name, spec.exposure] as const))('documents %s (%s) in the variables table', (name, exposure) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\| ${exposure} \\|`, 'm'));
  });
});
