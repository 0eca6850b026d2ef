import { join } from 'node:path';
import { staleGeneratedFiles } from 'twelvepack/testing';
import app from '../src/app';

describe('the files generated from the declared variables', () => {
  it('are current: .env.example and src/client/public-env.d.ts (run `npm run env:example` if this fails)', () => {
    expect({ stale: staleGeneratedFiles(app, join(__dirname, '..')), fix: 'npm run env:example' }).toEqual({ stale: [], fix: 'npm run env:example' });
  });
});
