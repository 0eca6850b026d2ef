import { loadEnvFiles } from '../../src/config/loadEnvFiles';
import { useTempDir } from '../support/useTempDir';

const temp = useTempDir('twelvepack-env-');
const write = temp.write;

describe('loadEnvFiles', () => {
  it.each([
    [['.env'], '.env'],
    [['.env', '.env.local'], '.env.local'],
    [['.env', '.env.local', '.env.development'], '.env.development'],
    [['.env', '.env.local', '.env.development', '.env.development.local'], '.env.development.local'],
    [['.env.development.local', '.env.development', '.env.local', '.env'], '.env.development.local'],
    [['.env.local', '.env'], '.env.local'],
  ])('with %j, takes the value from %s', (present, winner) => {
    write(Object.fromEntries(present.map((file) => [file, `WHO=${file}\n`])));
    const loaded = loadEnvFiles({ dir: temp.path(), mode: 'development', processEnv: {} });
    expect(loaded.values.WHO).toBe(winner);
    expect(loaded.fromFiles.get('WHO')).toBe(winner);
  });

  it('keeps a value from a lower file that no higher file sets', () => {
    write({ '.env': 'BASE=base\nWHO=.env\n', '.env.development.local': 'WHO=top\n' });
    const { values } = loadEnvFiles({ dir: temp.path(), mode: 'development', processEnv: {} });
    expect(values).toMatchObject({ BASE: 'base', WHO: 'top' });
  });

  it('lets values already in the environment win over every file', () => {
    write({
      '.env': 'WHO=.env\n',
      '.env.local': 'WHO=.env.local\n',
      '.env.production': 'WHO=.env.production\n',
      '.env.production.local': 'WHO=.env.production.local\n',
    });
    const { values } = loadEnvFiles({ dir: temp.path(), mode: 'production', processEnv: { WHO: 'environment' } });
    expect(values.WHO).toBe('environment');
  });

  it('lets an empty environment value win over a file', () => {
    write({ '.env': 'WHO=file\n' });
    const loaded = loadEnvFiles({ dir: temp.path(), mode: 'production', processEnv: { WHO: '' } });
    expect(loaded.values.WHO).toBe('');
    expect(loaded.fromFiles.has('WHO')).toBe(false);
  });

  it('passes environment values through even when no file mentions them', () => {
    const { values } = loadEnvFiles({ dir: temp.path(), mode: 'production', processEnv: { ONLY_ENV: 'yes', UNSET: undefined } });
    expect(values).toEqual({ ONLY_ENV: 'yes' });
  });

  it('ignores .env.local in test mode', () => {
    write({ '.env': 'WHO=.env\n', '.env.local': 'WHO=.env.local\nLOCAL_ONLY=1\n' });
    const loaded = loadEnvFiles({ dir: temp.path(), mode: 'test', processEnv: {} });
    expect(loaded.values.WHO).toBe('.env');
    expect(loaded.values.LOCAL_ONLY).toBeUndefined();
    expect(loaded.files).toEqual(['.env']);
  });

  it('reads .env.test.local in test mode', () => {
    write({ '.env': 'WHO=.env\n', '.env.test': 'WHO=.env.test\n', '.env.test.local': 'WHO=.env.test.local\n' });
    const { values } = loadEnvFiles({ dir: temp.path(), mode: 'test', processEnv: {} });
    expect(values.WHO).toBe('.env.test.local');
  });

  it('does not read another mode\'s files', () => {
    write({ '.env.production': 'WHO=prod\n', '.env.production.local': 'WHO=prod-local\n' });
    const { values } = loadEnvFiles({ dir: temp.path(), mode: 'development', processEnv: {} });
    expect(values.WHO).toBeUndefined();
  });

  it('lists in fromFiles only names that came from files and not from the environment', () => {
    write({ '.env': 'FILE_ONLY=a\nBOTH=b\n', '.env.local': 'LOCAL_ONLY=c\n' });
    const loaded = loadEnvFiles({ dir: temp.path(), mode: 'development', processEnv: { BOTH: 'env', ENV_ONLY: 'env' } });
    expect(loaded.fromFiles).toEqual(
      new Map([
        ['FILE_ONLY', '.env'],
        ['LOCAL_ONLY', '.env.local'],
      ]),
    );
  });

  it('is fine when no file exists', () => {
    const loaded = loadEnvFiles({ dir: temp.path(), mode: 'production', processEnv: { A: '1' } });
    expect(loaded).toEqual({ values: { A: '1' }, fromFiles: new Map(), references: new Map(), files: [] });
  });

  it('lists the files that existed, lowest priority first', () => {
    write({ '.env.development.local': 'A=1\n', '.env': 'B=2\n', '.env.production': 'C=3\n' });
    const { files } = loadEnvFiles({ dir: temp.path(), mode: 'development', processEnv: {} });
    expect(files).toEqual(['.env', '.env.development.local']);
  });

  it('expands references across files after merging them', () => {
    write({ '.env': 'URL=http://${HOST}:${PORT}/\nHOST=base\n', '.env.local': 'HOST=local\n' });
    const { values } = loadEnvFiles({ dir: temp.path(), mode: 'development', processEnv: { PORT: '8080' } });
    expect(values.URL).toBe('http://local:8080/');
  });

  it('reports references only for values that came from files', () => {
    write({ '.env': 'FROM_FILE=${SECRET}\nOVERRIDDEN=${SECRET}\n' });
    const loaded = loadEnvFiles({ dir: temp.path(), mode: 'development', processEnv: { SECRET: 's', OVERRIDDEN: 'plain' } });
    expect(loaded.references).toEqual(new Map([['FROM_FILE', ['SECRET']]]));
  });
});
