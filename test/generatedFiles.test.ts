import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { staleGeneratedFiles } from 'twelvepack/testing';
import app from '../src/app';

const ROOT = join(__dirname, '..');

describe('the files generated from the declared variables', () => {
  it('are current: .env.example and src/client/public-env.d.ts (run `npm run env:example` if this fails)', () => {
    expect({ stale: staleGeneratedFiles(app, ROOT), fix: 'npm run env:example' }).toEqual({ stale: [], fix: 'npm run env:example' });
  });

  it(".env.example lists the app's own variables after the toolkit's", () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const names = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect(names.slice(-app.variables.length)).toEqual(app.variables.map((spec) => spec.name));
  });
});

describe('README.md', () => {
  it('says near the top how to install, start and test', () => {
    const top = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').slice(0, 20).join('\n');
    for (const command of ['npm install', 'npm start', 'npm test']) expect(top).toContain(command);
  });
});
