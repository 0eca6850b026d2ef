import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublicEnvPlugin } from '../../src/webpack/plugins/PublicEnvPlugin';
import { writePublicEnvFile } from '../../src/webpack/plugins/writePublicEnvFile';
import { publicNames } from '../../src/config/pickPublicEnv';
import { schema } from '../../src/config/schema';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

const allowed = publicNames([...schema, ...FIXTURE_VARIABLES]);
const envDir = () => mkdtempSync(join(tmpdir(), 'twelvepack-public-env-'));

describe('PublicEnvPlugin', () => {
  it('refuses a variable that is not on the public allowlist, naming it', () => {
    expect(() => new PublicEnvPlugin({ publicEnv: { PUBLIC_APP_NAME: 'x', DATABASE_URL: 'postgres://u:p@h/db' }, allowed, envDir: envDir() })).toThrow(
      /not on the public allowlist: DATABASE_URL/,
    );
  });

  it('refuses the whole environment', () => {
    const wholeEnvironment = { ...process.env } as Record<string, string>;
    expect(() => new PublicEnvPlugin({ publicEnv: wholeEnvironment, allowed, envDir: envDir() })).toThrow(/Never pass the whole environment/);
  });
});

describe("the .env file dotenv-webpack is handed (its documented path option)", () => {
  it('holds exactly the public values it was given, whatever .env files or the environment hold', () => {
    const dir = envDir();
    const file = writePublicEnvFile(dir, { PUBLIC_APP_NAME: 'Shop', NODE_ENV: 'production' });
    expect(readdirSync(dir)).toEqual([file.slice(dir.length + 1)]);
    expect(readFileSync(file, 'utf8')).toBe("PUBLIC_APP_NAME='Shop'\nNODE_ENV='production'\n");
  });

  it.each([
    ['quotes of both kinds', `it's "quoted"`],
    ['a hash and spaces', '  # not a comment  '],
    ['a dollar sign', '$HOME and ${PATH}'],
    ['a line break', 'two\nlines'],
  ])('carries a value with %s exactly', (_name, value) => {
    const file = writePublicEnvFile(envDir(), { PUBLIC_TAGLINE: value });
    const parse = require(require.resolve('dotenv-defaults', { paths: [require.resolve('dotenv-webpack')] })).parse as (text: string) => Record<string, string>;
    expect(parse(readFileSync(file, 'utf8')).PUBLIC_TAGLINE).toBe(value);
  });

  it('refuses a value the format cannot carry, naming the variable', () => {
    expect(() => writePublicEnvFile(envDir(), { PUBLIC_TAGLINE: 'a\r\nb' })).toThrow(/PUBLIC_TAGLINE cannot be inlined/);
  });
});
