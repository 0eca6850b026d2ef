import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schema } from '../../src/config/schema';

const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

describe('README.md', () => {
  it.each(schema.map((spec) => [spec.name, spec.exposure] as const))('documents %s (%s) in the configuration table', (name, exposure) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\| ${exposure} \\|`, 'm'));
  });

  it('says near the top how to install, start and test', () => {
    const top = readme.split('\n').slice(0, 20).join('\n');
    for (const command of ['npm install', 'npm start', 'npm test']) expect(top).toContain(command);
  });
});
