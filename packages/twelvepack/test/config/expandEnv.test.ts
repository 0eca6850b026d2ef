import { expandEnv } from '../../src/config/expandEnv';

describe('expandEnv', () => {
  it('replaces ${NAME} with another file value', () => {
    const { values } = expandEnv({ HOST: 'db.internal', URL: 'postgres://${HOST}:5432/app' }, {});
    expect(values.URL).toBe('postgres://db.internal:5432/app');
  });

  it('resolves a reference from the real environment before the file values', () => {
    const { values } = expandEnv({ HOST: 'file-host', URL: 'http://${HOST}/' }, { HOST: 'env-host' });
    expect(values.URL).toBe('http://env-host/');
  });

  it('resolves a reference that only the real environment holds', () => {
    const { values } = expandEnv({ CACHE: '${HOME}/.cache' }, { HOME: '/home/app' });
    expect(values.CACHE).toBe('/home/app/.cache');
  });

  it.each<[string, Record<string, string>, Record<string, string>, string]>([
    ['unset', {}, {}, 'fallback'],
    ['empty in the file', { NAME: '' }, {}, 'fallback'],
    ['empty in the environment', { NAME: 'from-file' }, { NAME: '' }, 'fallback'],
    ['set in the file', { NAME: 'from-file' }, {}, 'from-file'],
    ['set in the environment', {}, { NAME: 'from-env' }, 'from-env'],
  ])('uses ${NAME:-fallback} only when NAME is unset or empty (%s)', (_label, files, env, expected) => {
    const { values } = expandEnv({ ...files, OUT: '${NAME:-fallback}' }, env);
    expect(values.OUT).toBe(expected);
  });

  it('keeps \\${NAME} literal, without the backslash', () => {
    const { values } = expandEnv({ NAME: 'x', OUT: 'cost: \\${NAME} and \\${NAME:-y}' }, { NAME: 'env' });
    expect(values.OUT).toBe('cost: ${NAME} and ${NAME:-y}');
  });

  it('expands an unknown reference to the empty string', () => {
    const { values } = expandEnv({ OUT: 'a${NOWHERE}b' }, {});
    expect(values.OUT).toBe('ab');
  });

  it('follows a chain of references, in any order', () => {
    const { values } = expandEnv({ A: 'a-${B}', B: 'b-${C}', C: 'c' }, {});
    expect(values).toEqual({ A: 'a-b-c', B: 'b-c', C: 'c' });
  });

  it('ends a cycle with the empty string', () => {
    const { values } = expandEnv({ A: '${B}', B: '${A}', SELF: 'x${SELF}y' }, {});
    expect(values).toEqual({ A: '', B: '', SELF: 'xy' });
  });

  it('keeps the text around a cycle', () => {
    const { values } = expandEnv({ A: 'a${B}', B: 'b${A}' }, {});
    expect(values).toEqual({ A: 'ab', B: 'ba' });
  });

  it('leaves values without references as they are', () => {
    const { values } = expandEnv({ PLAIN: 'no $dollar {braces} here' }, {});
    expect(values.PLAIN).toBe('no $dollar {braces} here');
  });

  it('records which names each variable referred to', () => {
    const { references } = expandEnv({ A: '${B}-${C:-z}-${MISSING}', B: 'b', C: '${B}', PLAIN: 'p' }, {});
    expect(references).toEqual(
      new Map([
        ['A', ['B', 'C', 'MISSING']],
        ['C', ['B']],
      ]),
    );
  });

  it('does not record an escaped reference', () => {
    const { references } = expandEnv({ OUT: '\\${SECRET}' }, {});
    expect(references.has('OUT')).toBe(false);
  });

  it('records a reference the environment resolved', () => {
    const { references } = expandEnv({ OUT: '${TOKEN}' }, { TOKEN: 'from-env' });
    expect(references.get('OUT')).toEqual(['TOKEN']);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('treats ${%s} as unknown, not as an object property', (name) => {
    expect(expandEnv({ A: `x\${${name}}y` }, {}).values.A).toBe('xy');
    expect(expandEnv({ A: `x\${${name}}y` }, Object.create(null) as Record<string, string>).values.A).toBe('xy');
  });
});
