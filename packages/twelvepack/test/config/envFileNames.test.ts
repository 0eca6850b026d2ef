import { envFileNames } from '../../src/config/envFileNames';

describe('envFileNames', () => {
  it.each([
    ['development', ['.env', '.env.local', '.env.development', '.env.development.local']],
    ['production', ['.env', '.env.local', '.env.production', '.env.production.local']],
  ] as const)('lists the %s cascade lowest priority first', (mode, expected) => {
    expect(envFileNames(mode)).toEqual(expected);
  });

  it('leaves .env.local out in test mode but keeps .env.test.local', () => {
    expect(envFileNames('test')).toEqual(['.env', '.env.test', '.env.test.local']);
  });
});
